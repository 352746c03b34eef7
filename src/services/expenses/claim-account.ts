import type { DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { findAccounts } from '../accounts/find-accounts.ts';
import { hasAccountRegister } from '../accounts/pick-account.ts';

/**
 * The account a claim is for, as stored: on a brand with an account register it is picked there (the
 * modal's external select sends its code) and kept as "ED01 滬東分銷"; a code not in the register, or
 * of an account the claimant may not see, is refused (null). Elsewhere (a site) it is the typed text.
 */
export async function claimAccount(o: {
  db: DbLike;
  chart: OrgChart;
  claimantId: string;
  account: string;
}): Promise<string | null> {
  const code = o.account.trim();
  if (!code || !(await hasAccountRegister(o))) return code;
  const [found] = await findAccounts({ db: o.db, chart: o.chart, askerId: o.claimantId, query: code });
  return found && found.code.toUpperCase() === code.toUpperCase() ? `${found.code} ${found.name}` : null;
}
