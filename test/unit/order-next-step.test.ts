import { describe, expect, it } from 'vitest';
import { nextStep } from '../../src/domain/orders/credit-check.ts';

describe("the director's step of a held order", () => {
  const threshold = 5_000_00;
  it("weighs this order's own part of the excess, not what earlier approved orders left over the limit", () => {
    // a ¥720 replenishment order on an account already ¥20,000 over: only its ¥720 is its own
    expect(nextStep('ssg_leader', 20_000_00, threshold, 720_00)).toBeUndefined();
    // an order that itself goes ¥8,000 over the limit still needs the director
    expect(nextStep('ssg_leader', 8_000_00, threshold, 30_000_00)).toBe('sales_director');
    expect(nextStep('ssg_leader', 12_000_00, threshold, 6_000_00)).toBe('sales_director');
    expect(nextStep('sales_director', 12_000_00, threshold, 12_000_00)).toBeUndefined();
  });
});
