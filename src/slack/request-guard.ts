import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { HTTPModuleFunctions } from '@slack/bolt';
import type { Logger } from '../lib/logger.ts';

export interface RequestGuardOptions {
  signingSecret: string;
  /** The path Slack posts to. */
  endpoint: string;
  /**
   * `first` is false when this signature was served before (by any instance); `chartVersion`, when
   * read along, is handed to Bolt with the request (see chartVersionSeenBy).
   */
  firstSighting(signature: string): Promise<{ first: boolean; chartVersion?: number | null }>;
  logger: Logger;
  /** Wall-clock milliseconds, as Bolt's own staleness check uses: Slack signs with real time. */
  nowMs?: () => number;
}

/** Clocks drift; Slack's own never runs a minute ahead of ours. */
const MAX_FUTURE_SKEW_SECONDS = 60;

type Verdict = { pass: true } | { pass: false; status: number; why: string };

const CHART_VERSION = Symbol('chart version read with the signature');
type Screened = IncomingMessage & { [CHART_VERSION]?: number | null };

/** The chart version read when this request's signature was stored, if it was (undefined: ask the database). */
export function chartVersionSeenBy(req: IncomingMessage): number | null | undefined {
  return (req as Screened)[CHART_VERSION];
}

/**
 * Screens POST /slack/events before Bolt sees it, for what Bolt lets through: a signed timestamp
 * from the future, a signature served before (a replay within Bolt's five minutes), and signed
 * payloads that are not an object (`payload=null` threw inside Bolt's receiver and ended the
 * process) or a view submission with no view. Unsigned and forged requests are left to Bolt,
 * which answers them 401 itself.
 */
export function guardEventsEndpoint(next: RequestListener, options: RequestGuardOptions): RequestListener {
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || path !== options.endpoint) return next(req, res);
    screen(req, options)
      .then((verdict) => {
        if (verdict.pass) return next(req, res);
        options.logger.warn({ why: verdict.why, status: verdict.status }, 'refused a request to the events endpoint');
        res.writeHead(verdict.status);
        res.end();
      })
      .catch((error: unknown) => {
        options.logger.error({ err: error }, 'could not screen a request to the events endpoint');
        if (!res.headersSent) res.writeHead(HTTPModuleFunctions.isRawBodyError(error) ? 413 : 503);
        res.end();
      });
  };
}

async function screen(req: IncomingMessage, options: RequestGuardOptions): Promise<Verdict> {
  // Bolt reuses the buffered body (req.rawBody) instead of reading the stream again
  const buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit);
  const text = buffered.rawBody.toString();
  const signature = header(req, 'x-slack-signature');
  const timestamp = Number(header(req, 'x-slack-request-timestamp'));
  if (!signature || !Number.isInteger(timestamp) || !signedBy(options.signingSecret, signature, timestamp, text))
    return { pass: true };
  const nowSeconds = Math.floor((options.nowMs ?? Date.now)() / 1000);
  if (timestamp > nowSeconds + MAX_FUTURE_SKEW_SECONDS)
    return { pass: false, status: 401, why: 'timestamp in the future' };
  const shape = payloadShape(text, req.headers['content-type']);
  if (shape !== 'ok') return { pass: false, status: 400, why: shape };
  // a replay is acknowledged and dropped, as a redelivery is: Slack must not retry it
  const sighting = await firstSightingOrUnknown(options, signature);
  if (!sighting.first) return { pass: false, status: 200, why: 'signature seen before' };
  if (sighting.chartVersion !== undefined) (req as Screened)[CHART_VERSION] = sighting.chartVersion;
  return { pass: true };
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

/** 'ok', or why the body is not something a listener can read. Unparseable text is left to Bolt (400). */
function payloadShape(text: string, contentType: string | undefined): string {
  let parsed: unknown;
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const form = parseQuery(text);
      if (form.ssl_check === '1' || typeof form.payload !== 'string') return 'ok';
      parsed = JSON.parse(form.payload);
    } else {
      parsed = JSON.parse(text);
    }
  } catch {
    return 'ok';
  }
  if (!isObject(parsed)) return 'payload is not an object';
  if (typeof parsed.type !== 'string') return 'payload without a type';
  if (parsed.type === 'event_callback' && !isObject(parsed.event)) return 'event callback without an event';
  if (INTERACTIVE.has(parsed.type) && !(isObject(parsed.user) && typeof parsed.user.id === 'string'))
    return 'interaction without a user';
  if ((parsed.type === 'view_submission' || parsed.type === 'view_closed') && !isObject(parsed.view))
    return 'view submission without a view';
  return 'ok';
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

// biome-ignore lint/suspicious/noExplicitAny: Slack JSON of many shapes; each field read is checked
function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
