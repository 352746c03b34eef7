// The product as `npm start` runs it, on a port the benchmark reads from stdout.
import { startBot } from '../src/bot.ts';
import { parseConfig } from '../src/config.ts';
import { exitOnUnhandled } from '../src/lib/exit-on-unhandled.ts';
import { createLogger } from '../src/lib/logger.ts';

if (process.env.BENCH_COUNT_QUERIES) await import('./count-queries.ts');
const parsed = parseConfig(process.env);
if (!parsed.ok) {
  console.error(parsed.lines.join('\n'));
  process.exit(2);
}
const logger = createLogger(parsed.config.logLevel);
exitOnUnhandled(logger);
const bot = await startBot({ config: parsed.config, logger });
console.log(`PORT=${bot.port}`);
process.on('SIGTERM', () => void bot.stop().then(() => process.exit(0)));
