/** Three timed runs (ms) after one that warms the cache. */
export async function timed(work: () => Promise<unknown>): Promise<number[]> {
  await work();
  const runs: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const t0 = performance.now();
    await work();
    runs.push(performance.now() - t0);
  }
  return runs;
}
