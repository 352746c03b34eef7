/**
 * Whether an error means the database cannot be reached right now (stopped, restarting, network
 * gone), as opposed to a bad statement or a rule. Such a request can be answered "try again
 * shortly": nothing was stored. Drivers and Prisma wrap the cause differently, so the chain is walked.
 */
const UNAVAILABLE_CODES = new Set([
  // sockets
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  // PostgreSQL: admin/crash shutdown, cannot connect now, connection exceptions
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  // Prisma: cannot reach, timed out, connection closed
  'P1001',
  'P1002',
  'P1008',
  'P1017',
]);

const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'terminating connection',
  'database system is shutting down',
  'database system is starting up',
  'database system is in recovery',
  "Can't reach database",
  'Server has closed the connection',
  'timeout exceeded when trying to connect',
  'DatabaseNotReachable',
  'ConnectionClosed',
  'Client has encountered a connection error',
  'ECONNREFUSED',
  'ECONNRESET',
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  /** Bolt's coded errors */
  original?: unknown;
  /** Prisma's errors from a driver adapter */
  meta?: { driverAdapterError?: unknown };
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as ErrorLike;
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  const message = typeof e.message === 'string' ? e.message.toLowerCase() : '';
  if (UNAVAILABLE_MESSAGES.some((text) => message.includes(text.toLowerCase()))) return true;
  return [e.cause, e.original, e.meta?.driverAdapterError].some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
