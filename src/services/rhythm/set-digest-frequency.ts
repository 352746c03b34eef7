import type { DbLike } from '../../db/unit-of-work.ts';
import { setPersonDigest } from '../../db/org/org-repo.ts';
import type { DigestChoice } from '../../domain/rhythm/digest-choice.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';

export interface SetDigestFrequencyOptions {
  db: DbLike;
  chart: OrgChart;
  /** who asked: everyone chooses only their own digest */
  personId: string;
  choice: DigestChoice;
}

/** Stores someone's own digest frequency (`/org digest weekly`). */
export async function setDigestFrequency({ db, chart, personId, choice }: SetDigestFrequencyOptions): Promise<void> {
  await setPersonDigest(db, chart.data.orgId, personId, choice);
}
