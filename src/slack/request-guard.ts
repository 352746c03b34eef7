import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type ParsedUrlQuery, parse as parseQuery } from 'node:querystring';
import { HTTPModuleFunctions } from '@slack/bolt';
import type { Logger } from '../lib/logger.ts';

export interface RequestGuardOptions {
  signingSecret: string;
  /**
   * `first` is false when this signature was served before (by any instance); `chartVersion`, when
   * read along, is handed to the app with the request (identify-asker.ts).
   */
  firstSighting(signature: string): Promise<{ first: boolean; chartVersion?: number | null }>;
  logger: Logger;
  /** Wall-clock milliseconds: Slack signs with real time, not the bot's movable clock. */
  nowMs?: () => number;
}

/** Slack's own rule: a signature older than this is refused, so a replay can only come sooner. */
const MAX_AGE_SECONDS = 5 * 60;
/** Clocks drift; Slack's own never runs a minute ahead of ours. */
const MAX_FUTURE_SKEW_SECONDS = 60;

// biome-ignore lint/suspicious/noExplicitAny: Slack JSON of many shapes; each field read is checked
type SlackBody = Record<string, any>;

/** What to do with a request to the events endpoint: hand its body to the app, or answer it here. */
export type Screening =
  | { serve: true; body: SlackBody; chartVersion?: number | null }
  | { serve: false; status: number; why?: string };

/**
 * Reads, verifies and parses a POST to the events endpoint, once: Bolt's own receiver verified the
 * signature again and parsed the body twice more, a sixth of the bot's work on a click.
 * Refused: unsigned, forged or stale requests (401, as Bolt did), a signed timestamp from the future,
 * a signature served before (a replay within the five minutes), and bodies a listener cannot read
 * (`payload=null` had thrown inside Bolt's receiver and ended the process; a view submission with no
 * view). Slack's SSL check is unsigned and answered here; nothing sent with it is read.
 */
export async function screenEventRequest(req: IncomingMessage, options: RequestGuardOptions): Promise<Screening> {
  const buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit);
  const text = buffered.rawBody.toString();
  const form = req.headers['content-type'] === 'application/x-www-form-urlencoded' ? parseQuery(text) : undefined;
  if (form?.ssl_check === '1') return { serve: false, status: 200 };
  const signature = header(req, 'x-slack-signature');
  const timestamp = Number(header(req, 'x-slack-request-timestamp'));
  if (!signature || !Number.isInteger(timestamp) || !signedBy(options.signingSecret, signature, timestamp, text))
    return { serve: false, status: 401, why: 'signature missing or not ours' };
  const nowSeconds = Math.floor((options.nowMs ?? Date.now)() / 1000);
  if (timestamp < nowSeconds - MAX_AGE_SECONDS) return { serve: false, status: 401, why: 'timestamp is stale' };
  if (timestamp > nowSeconds + MAX_FUTURE_SKEW_SECONDS)
    return { serve: false, status: 401, why: 'timestamp in the future' };
  const body = bodyOf(text, form);
  if (body === undefined) return { serve: false, status: 400, why: 'malformed body' };
  if (!isObject(body)) return { serve: false, status: 400, why: 'payload is not an object' };
  const shape = shapeProblem(body);
  if (shape) return { serve: false, status: 400, why: shape };
  // a replay is acknowledged and dropped, as a redelivery is: Slack must not retry it
  const sighting = await firstSightingOrUnknown(options, signature);
  if (!sighting.first) return { serve: false, status: 200, why: 'signature seen before' };
  return { serve: true, body, chartVersion: sighting.chartVersion };
}

/**
 * With the database away nothing can be remembered, and nothing a replay asks for can be stored
 * either: let the request through, so that the bot answers "try again later" at once instead of
 * Slack showing that it did not respond.
 */
async function firstSightingOrUnknown(
  options: RequestGuardOptions,
  signature: string,
): Promise<{ first: boolean; chartVersion?: number | null }> {
  try {
    return await options.firstSighting(signature);
  } catch (error) {
    options.logger.warn({ err: error }, 'could not check the signature against earlier requests; served it');
    return { first: true };
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function signedBy(secret: string, signature: string, timestamp: number, body: string): boolean {
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The body as Bolt reads it: a form's JSON payload, the form itself (slash commands), or JSON. */
function bodyOf(text: string, form: ParsedUrlQuery | undefined): unknown {
  try {
    if (!form) return JSON.parse(text);
    return typeof form.payload === 'string' ? JSON.parse(form.payload) : form;
  } catch {
    return undefined;
  }
}

/** Why the body is not something a listener can read, if it is not. */
function shapeProblem(parsed: SlackBody): string | undefined {
  if (parsed.command !== undefined) return undefined;
  if (typeof parsed.type !== 'string') return 'payload without a type';
  if (parsed.type === 'event_callback' && !isObject(parsed.event)) return 'event callback without an event';
  if (INTERACTIVE.has(parsed.type) && !(isObject(parsed.user) && typeof parsed.user.id === 'string'))
    return 'interaction without a user';
  if ((parsed.type === 'view_submission' || parsed.type === 'view_closed') && !isObject(parsed.view))
    return 'view submission without a view';
  return undefined;
}

/** Payloads Slack sends for something a person did: each names that person. */
const INTERACTIVE = new Set([
  'block_actions',
  'block_suggestion',
  'view_submission',
  'view_closed',
  'shortcut',
  'message_action',
  'interactive_message',
  'dialog_submission',
]);

function isObject(value: unknown): value is SlackBody {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
