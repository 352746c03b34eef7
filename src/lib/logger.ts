import pino, { type Logger } from 'pino';

export type { Logger };

/** Personal data never reaches the logs: these paths are censored wherever they appear. */
const REDACTED_PATHS = ['phone', '*.phone', '*.*.phone', 'mobile', '*.mobile', 'token', '*.token'];

/**
 * A run of 8 to 17 digits, perhaps with a leading + and single spaces or dashes between them,
 * standing alone: not part of a word, an id or a decimal (Slack's ts). Epoch times are not phone-shaped.
 */
const PHONE_CANDIDATE = /(?<![\w.])\+?\d(?:[ -]?\d){7,16}(?![\w.])/g;

/** The shapes the bot accepts as phones (domain/visits/phone.ts), compact. */
const PHONE_SHAPES = [/^\+[1-9]\d{7,14}$/, /^00[1-9]\d{7,14}$/, /^1[3-9]\d{9}$/, /^09\d{8}$/, /^[4-9]\d{7}$/];

/**
 * Masks every phone-shaped string in a log line, whatever key or text holds it: Bolt's debug
 * logs carry whole request bodies (`"initial_value":"13866667777"`), where no path list reaches.
 */
export function redactPhones(line: string): string {
  return line.replace(PHONE_CANDIDATE, (candidate) => {
    const compact = candidate.replace(/[ -]/g, '');
    return PHONE_SHAPES.some((shape) => shape.test(compact)) ? '[redacted]' : candidate;
  });
}

export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, hooks: { streamWrite: redactPhones } },
    destination as pino.DestinationStream,
  );
}
