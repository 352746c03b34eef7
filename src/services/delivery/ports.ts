/** What services need from Slack, so they never import Bolt. */
export interface SlackApi {
  /** Calls a Web API method; throws SlackCallError when Slack did not take it. */
  call(method: string, args: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Sends a file's bytes to the upload_url of files.getUploadURLExternal; throws SlackCallError. */
  uploadBytes?(url: string, bytes: Uint8Array, filename: string): Promise<void>;
}

/**
 * Draws a chart (an ECharts option at a size) as PNG, off the event loop. Rejects with an error named
 * ChartDrawError when the chart itself cannot be drawn, with any other when the drawing was interrupted.
 */
export interface ChartPainter {
  render(chart: { width: number; height: number; option: Record<string, unknown> }): Promise<Uint8Array>;
}

/** The reason given when a call got no answer (timeout, connection lost): it may have been carried out. */
export const NO_ANSWER = 'no_answer';

/** `auth`: Slack refused the token itself; nothing can be delivered until it works again. */
export type SlackFailureKind = 'rate_limited' | 'transient' | 'permanent' | 'auth';

/** Slack's errors that say the token, not the message, is the problem. */
export const AUTH_FAILURES: readonly string[] = [
  'token_revoked',
  'token_expired',
  'invalid_auth',
  'not_authed',
  'account_inactive',
];

export class SlackCallError extends Error {
  constructor(
    readonly kind: SlackFailureKind,
    readonly reason: string,
    readonly retryAfterMs?: number,
  ) {
    super(`${kind}: ${reason}`);
    this.name = 'SlackCallError';
  }
}

/**
 * The database handle the composition root builds and listeners pass on to services untouched:
 * listeners name its type from here, so `src/slack` never imports `src/db`.
 */
export type { Db } from '../../db/database.ts';
