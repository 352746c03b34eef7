import type { Logger } from 'pino';

/** Exit code of a process that stopped itself after an error nobody handled. */
export const EXIT_UNHANDLED = 70;

/**
 * An error nobody handled leaves the process in a state no one knows: log it, then exit non-zero
 * so the supervisor (systemd, Kubernetes, pm2) starts a clean process. Never carry on.
 */
export function exitOnUnhandled(logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  const stop = (kind: string) => (error: unknown) => {
    logger.fatal({ err: error }, `${kind}: exiting so that the supervisor restarts the bot`);
    logger.flush?.();
    exit(EXIT_UNHANDLED);
  };
  process.on('unhandledRejection', stop('unhandled promise rejection'));
  process.on('uncaughtException', stop('uncaught exception'));
}
