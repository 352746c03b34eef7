import pino, { type Logger } from 'pino';

export type { Logger };

/** Personal data never reaches the logs: these paths are censored wherever they appear. */
const REDACTED_PATHS = ['phone', '*.phone', '*.*.phone', 'mobile', '*.mobile', 'token', '*.token'];

export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination as pino.DestinationStream);
}
