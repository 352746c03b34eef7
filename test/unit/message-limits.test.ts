import { describe, expect, it } from 'vitest';
import type { Customer } from '../../src/db/visits/customer-repo.ts';
import type { IssueReport } from '../../src/db/issues/issue-repo.ts';
import { checkBlocks } from '../../src/fake-slack/block-limits.ts';
import { capBlocks, section } from '../../src/views/blocks.ts';
import { customerListBlocks } from '../../src/views/visits/customer-list.ts';
import { issueRegisterView } from '../../src/views/issues/issue-register.ts';

const at = new Date('2026-11-02T02:00:00Z');
const longName = '一位名字很長很長的客戶'.repeat(4);

function issue(n: number): IssueReport {
  return {
    id: n,
    orgId: 1,
    number: `ISS-2026-${String(n).padStart(4, '0')}`,
    year: 2026,
    seq: n,
    reporterId: 'U1',
    category: 'product',
    severity: 'high',
    title: `${longName} ${n}`,
    description: 'd',
    subject: 's',
    status: 'open',
    handlerId: 'U2',
    assigneeId: n % 2 ? 'U3' : null,
    escalationLevel: 0,
    ackDeadlineAt: null,
    acknowledgedBy: null,
    acknowledgedAt: null,
    resolvedBy: null,
    resolvedAt: null,
    resolution: null,
    threadOutboxId: null,
    sourceViewId: `V${n}`,
    createdAt: at,
    updatedAt: at,
  };
}

function customer(n: number): Customer {
  return {
    id: n,
    orgId: 1,
    phone: `+88691234${String(n).padStart(4, '0')}`,
    name: `客戶第${n}號`,
    ownerId: 'U1',
    stage: 'visiting',
    stageChangedAt: at,
    lostReason: null,
    visitCount: n,
    firstVisitAt: at,
    lastVisitAt: at,
    reminderLevel: 0,
    cardOutboxId: null,
    createdAt: at,
  };
}

const hundreds = <T>(make: (n: number) => T) => Array.from({ length: 200 }, (_, i) => make(i + 1));

describe("messages that grow with their data stay within Block Kit's 50 blocks", () => {
  it('an issue register of 200 issues in every part is a message Slack takes', () => {
    const register = { mine: hundreds(issue), inHand: hundreds(issue), team: hundreds(issue), osb: hundreds(issue) };
    const { blocks } = issueRegisterView(register, { locale: 'zh-Hant', now: at, nameOf: () => '劉大偉' });
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(checkBlocks(blocks, 50)).toBeNull();
  });

  it('a list of 200 customers is a message Slack takes, with the last customer still in it', () => {
    const { blocks } = customerListBlocks(hundreds(customer), { locale: 'en', timeZone: 'Asia/Taipei' });
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(checkBlocks(blocks, 50)).toBeNull();
    expect(JSON.stringify(blocks)).toContain('客戶第200號');
  });

  it('capBlocks keeps the first 50 of 200 blocks and leaves a short message as it is', () => {
    const many = hundreds((n) => section(`line ${n}`));
    expect(capBlocks(many)).toEqual(many.slice(0, 50));
    expect(capBlocks(many.slice(0, 3))).toEqual(many.slice(0, 3));
  });
});
