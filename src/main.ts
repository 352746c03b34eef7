import { parseConfig } from './config.ts';
import { startBot } from './bot.ts';
import { AppError } from './lib/app-error.ts';
import { MigrationChecksumError } from './db/migrate.ts';
import { OrgFileError } from './domain/org/org-file-error.ts';
import { errorText } from './views/error-text.ts';

/** Start-up problems an operator can fix get one clear message and exit code 2, never a stack trace. */
const EXIT_CONFIG = 2;

async function main(): Promise<void> {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    for (const line of parsed.lines) console.error(line);
    process.exit(EXIT_CONFIG);
  }
  let bot;
  try {
    bot = await startBot({ config: parsed.config });
  } catch (error) {
    if (error instanceof OrgFileError || error instanceof AppError) {
      console.error(`ORG_FILE ${parsed.config.orgFile}: ${errorText(error, 'en')}`);
      process.exit(EXIT_CONFIG);
    }
    if (error instanceof MigrationChecksumError) {
      console.error(`DATABASE_URL: ${error.message}`);
      process.exit(EXIT_CONFIG);
    }
    const message = (error as Error)?.message?.split('\n')[0] ?? String(error);
    if (/ECONNREFUSED|ENOTFOUND|password authentication|does not exist|SQLITE_CANTOPEN|unable to open/i.test(message)) {
      console.error(`DATABASE_URL: cannot open the database (${message})`);
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }
  console.log(`Bot listening on port ${bot.port} (POST /slack/events, GET /healthz)`);
  const shutdown = async (signal: string): Promise<void> => {
    console.log(`${signal}: stopping`);
    await bot.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

void main();
