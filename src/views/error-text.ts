import type { OrgChart } from '../domain/org/org-chart.ts';
import { isMessageKey, t, type Locale } from '../i18n/index.ts';
import { AppError, ErrorCode } from '../lib/app-error.ts';
import { OrgFileError, UnitsFileError } from '../domain/org/org-file-error.ts';
import { isDatabaseUnavailable } from '../lib/database-unavailable.ts';
import { problemBullets } from './import-problems.ts';

/** The sentence a user sees for an error, in their language. The log gets the detail instead. */
export function errorText(error: unknown, locale: Locale, chart?: OrgChart): string {
  if (error instanceof OrgFileError) {
    // one bullet a line of the file, with every reason of that line
    const problems = problemBullets(error.problems, {
      locale,
      shown: 20,
      reason: (p) => {
        const reasonKey = `org.file.reason.${p.reason}`;
        return isMessageKey(reasonKey) ? t(locale, reasonKey, { value: p.value ?? '' }) : p.reason;
      },
      line: (line, reasons) => t(locale, 'org.file.line', { line, reason: reasons }),
    }).bullets.join('\n');
    if (error instanceof UnitsFileError)
      return t(locale, 'error.units_file_invalid', { problems, file: error.file.split('/').at(-1) ?? '' });
    return t(locale, 'error.org_file_invalid', { problems });
  }
  if (error instanceof AppError) {
    if (error.code === ErrorCode.NotInOrg) return t(locale, 'error.not_in_org', notInOrgParams(locale, chart));
    if (error.messageKey && isMessageKey(error.messageKey)) return t(locale, error.messageKey, error.params);
    return t(locale, `error.${error.code}`, error.params);
  }
  if (isDatabaseUnavailable(error)) return t(locale, 'error.database_unavailable');
  return t(locale, 'error.internal');
}

/** Whom a stranger should ask: the admins in the file, else the leadership. */
function notInOrgParams(locale: Locale, chart?: OrgChart): Record<string, string> {
  if (!chart) return { org: '', contacts: '' };
  const admins = chart.data.admins.filter((id) => chart.person(id));
  const leaders = chart.people.filter((p) => chart.isLeadership(p.slackId)).map((p) => p.slackId);
  const ids = (admins.length > 0 ? admins : leaders).slice(0, 3);
  const separator = locale === 'en' ? ', ' : '、';
  return { org: chart.data.name, contacts: ids.map((id) => `<@${id}>`).join(separator) };
}
