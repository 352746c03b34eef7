import type http from 'node:http';

/** The largest request the page sends (a modal's values, a message): anything bigger is refused. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Why a request must not reach the sandbox, or undefined. The page has no sign-in, so it answers
 * only its own origin on loopback: a foreign Host (DNS rebinding), another site's Origin, and a
 * POST that is not JSON (a cross-site form or text/plain, which a browser sends without asking
 * first) are refused.
 */
export function refusal(req: http.IncomingMessage, port: number): string | undefined {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  const host = String(req.headers.host ?? '').toLowerCase();
  if (!hosts.includes(host)) return 'foreign host';
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`)) return 'foreign origin';
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'cross-site request';
  if (
    req.method === 'POST' &&
    !String(req.headers['content-type'] ?? '')
      .toLowerCase()
      .startsWith('application/json')
  )
    return 'not JSON';
  return undefined;
}
