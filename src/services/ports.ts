/** What services need from Slack, so they never import Bolt. */
export interface SlackApi {
  /** Calls a Web API method; throws SlackCallError when Slack did not take it. */
  call(method: string, args: Record<string, unknown>): Promise<Record<string, unknown>>;
}

/** The reason given when a call got no answer (timeout, connection lost): it may have been carried out. */
export const NO_ANSWER = 'no_answer';

export type SlackFailureKind = 'rate_limited' | 'transient' | 'permanent';

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
