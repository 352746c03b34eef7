import type { DbLike } from '../../db/unit-of-work.ts';
import { trainingOf } from '../../db/tasks/task-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { localDay } from '../../domain/tasks/task-dates.ts';
import { describeMember, type MemberProfile } from '../org/describe-member.ts';

/** `/org @someone` with their training record, for those who may see the profile (their chain, leadership). */
export async function describeMemberWithTraining(o: {
  db: DbLike;
  chart: OrgChart;
  askerId: string;
  targetId?: string;
}): Promise<MemberProfile> {
  const profile = describeMember(o);
  const tz = o.chart.data.timezone;
  const training = await trainingOf(o.db, o.chart.data.orgId, profile.person.slackId);
  return {
    ...profile,
    training: training.map(({ task, assignment }) => ({
      title: task.title,
      status: assignment.status,
      dueDate: task.dueDate,
      finishedOn: assignment.finishedAt ? localDay(assignment.finishedAt, tz) : null,
      onboarding: task.origin === 'onboarding',
      attendance: assignment.attendance,
      mark: assignment.mark,
    })),
  };
}
