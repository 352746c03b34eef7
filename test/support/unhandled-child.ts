// A process that installs the bot's last-resort handlers, then fails the way argv[2] says.
import { exitOnUnhandled } from '../../src/lib/exit-on-unhandled.ts';
import { createLogger } from '../../src/lib/logger.ts';

exitOnUnhandled(createLogger('info'));
if (process.argv[2] === 'rejection') void Promise.reject(new Error('nobody awaited this'));
else
  setTimeout(() => {
    throw new Error('thrown from a timer');
  }, 0);
// were the error ignored, the process would carry on and exit 0 after this
setTimeout(() => process.exit(0), 2_000);
