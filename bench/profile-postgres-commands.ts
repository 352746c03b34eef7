// Profiles a slash command on PostgreSQL alone: `npx tsx bench/profile-postgres-commands.ts [requests] [/command]`.
// 32 concurrent against one throwaway server (or BENCH_POSTGRES_URL); prints the throughput and, per request, the
// CPU of the bot, of PostgreSQL's backends and of this process (the load generator and fake Slack), and how
// often the bot was switched out (involuntarily: preempted, mostly by the PostgreSQL backend it had just woken).
import { readFileSync } from 'node:fs';
import { runLoad } from './load.ts';
import { cpuOf, cpuSince, startProfiledBot } from './profiled-bot.ts';

const requests = Number(process.argv[2] ?? 6000);
const command = process.argv[3] ?? '/targets';
const { bot, driver, backendsCpu, stop } = await startProfiledBot('commands');
const switchesOf = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/nonvoluntary_ctxt_switches:\s+(\d+)/.exec(status)![1]);
};
const askers = ['U0SALES001', 'U0TLEAD001', 'U0PROJMGR1'];
const send = (i: number) => driver.command(askers[i % 3], command).then((r) => r.status);
try {
  await runLoad(500, 32, send); // warm up
  const pid = bot.child.pid!;
  const [bot0, pg0, load0, switches0] = [cpuOf(pid), await backendsCpu(), cpuOf(process.pid), switchesOf(pid)];
  const result = await runLoad(requests, 32, send);
  const [bot1, pg1, load1, switches1] = [cpuOf(pid), await backendsCpu(), cpuOf(process.pid), switchesOf(pid)];
  const per = (ms: number) => (ms / requests).toFixed(3);
  console.log(
    `${command}: ${result.throughput.toFixed(0)}/s, p50 ${result.p50.toFixed(1)} ms, ` +
      `p99 ${result.p99.toFixed(1)} ms, ${result.failures} failures. Per request: bot CPU ` +
      `${per(bot1.total - bot0.total)} ms (system ${per(bot1.system - bot0.system)}), PostgreSQL ` +
      `${per(cpuSince(pg1, pg0))} ms, load generator and fake Slack ${per(load1.total - load0.total)} ms; the bot ` +
      `preempted ${((switches1 - switches0) / requests).toFixed(2)} times`,
  );
} finally {
  await stop();
}
process.exit(0);
