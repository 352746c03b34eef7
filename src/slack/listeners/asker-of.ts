import type { Context } from '@slack/bolt';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Asker } from '../middleware/identify-asker.ts';

/** The asker set by identifyAsker; a person outside the chart is refused here. */
export function askerOf(context: Context): Asker {
  return context.asker as Asker;
}

export function requireMember(asker: Asker): NonNullable<Asker['person']> {
  if (!asker.person) throw new AppError(ErrorCode.NotInOrg, {}, `${asker.userId} is not in the chart`);
  return asker.person;
}

/** Errors the user caused are answered and end there; anything else also goes on to app.error(). */
export function isExpected(error: unknown): boolean {
  return error instanceof AppError && error.code !== ErrorCode.Internal;
}
