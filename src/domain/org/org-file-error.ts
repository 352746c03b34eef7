import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { OrgFileProblem } from './parse-org-file.ts';

/** An org file refused, with every problem and its line. */
export class OrgFileError extends AppError {
  constructor(
    readonly file: string,
    readonly problems: OrgFileProblem[],
  ) {
    super(
      ErrorCode.OrgFileInvalid,
      { file },
      problems.map((p) => `line ${p.line}: ${p.reason} ${p.value ?? ''}`).join('; '),
    );
  }
}

/** A units file (named in the org file) refused, with every bad row and its line: nothing is loaded. */
export class UnitsFileError extends OrgFileError {}
