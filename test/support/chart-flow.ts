import { expect } from 'vitest';
import type { Harness } from './harness.ts';

/** Waits for a conversation to hold so many shared files: the drawing worker takes seconds to start. */
export async function untilShared(h: Harness, channel: string, count: number): Promise<void> {
  const shared = () => h.fake.state.inChannel(channel).filter((m) => m.files?.length).length;
  await expect.poll(shared, { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(count);
}
