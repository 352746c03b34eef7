/** Every failure a user can meet has a code; the catalogue turns it into a sentence. */
export enum ErrorCode {
  NotInOrg = 'not_in_org',
  Forbidden = 'forbidden',
  InvalidInput = 'invalid_input',
  NotFound = 'not_found',
  AlreadyDecided = 'already_decided',
  NoApprover = 'no_approver',
  OrgFileInvalid = 'org_file_invalid',
  OrgFileUnreadable = 'org_file_unreadable',
  Internal = 'internal',
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Values for the catalogue sentence of this code. */
    readonly params: Record<string, string | number> = {},
    /** Detail for the log only; never shown to users. */
    readonly detail?: string,
    /** A more specific catalogue sentence than the code's own (e.g. who may approve). */
    readonly messageKey?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'AppError';
  }
}

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;
