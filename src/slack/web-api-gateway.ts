import { ErrorCode as WebApiErrorCode, WebClient } from '@slack/web-api';
import { AUTH_FAILURES, NO_ANSWER, SlackCallError, type SlackApi } from '../services/delivery/ports.ts';

/** Slack errors worth trying again; anything else Slack refuses is permanent. */
const TRANSIENT_PLATFORM_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
]);

/**
 * The outbox's way to Slack: no retries of its own (the outbox retries, and keeps the attempt on
 * record), and a 429 comes back as an error carrying Retry-After instead of being waited out.
 */
export function createWebApiGateway(token: string, slackApiUrl: string, timeoutMs = 10_000): SlackApi {
  const client = new WebClient(token, {
    slackApiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: timeoutMs,
  });
  return {
    async call(method, args) {
      try {
        return (await client.apiCall(method, args)) as unknown as Record<string, unknown>;
      } catch (error) {
        throw toSlackCallError(error);
      }
    },
    // the second step of files.uploadV2: the bytes go to the URL Slack handed out, not to the Web API
    async uploadBytes(url, bytes, filename) {
      let status: number;
      try {
        const body = new Blob([new Uint8Array(bytes)]);
        const form = new FormData();
        form.append('file', body, filename);
        const res = await fetch(url, { method: 'POST', body: form, signal: AbortSignal.timeout(timeoutMs) });
        status = res.status;
        await res.arrayBuffer();
      } catch (error) {
        throw new SlackCallError('transient', `${NO_ANSWER}: ${(error as Error).message ?? 'upload error'}`);
      }
      if (status >= 500 || status === 429) throw new SlackCallError('transient', `http_${status}`);
      if (status >= 400) throw new SlackCallError('permanent', `http_${status}`);
    },
  };
}

function toSlackCallError(error: unknown): SlackCallError {
  const e = error as {
    code?: string;
    retryAfter?: number;
    statusCode?: number;
    data?: { error?: string };
    message?: string;
  };
  switch (e.code) {
    case WebApiErrorCode.RateLimitedError:
      return new SlackCallError('rate_limited', 'ratelimited', (e.retryAfter ?? 1) * 1_000);
    case WebApiErrorCode.PlatformError: {
      const reason = e.data?.error ?? 'unknown_error';
      if (AUTH_FAILURES.includes(reason)) return new SlackCallError('auth', reason);
      return new SlackCallError(TRANSIENT_PLATFORM_ERRORS.has(reason) ? 'transient' : 'permanent', reason);
    }
    case WebApiErrorCode.HTTPError:
      return new SlackCallError(
        (e.statusCode ?? 500) >= 500 ? 'transient' : 'permanent',
        `http_${e.statusCode ?? 'error'}`,
      );
    default:
      return new SlackCallError('transient', `${NO_ANSWER}: ${e.message ?? 'request error'}`);
  }
}
