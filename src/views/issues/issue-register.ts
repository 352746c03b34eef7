import type { IssueReport } from '../../db/issues/issue-repo.ts';
import { t, type Locale, type MessageKey, tFor } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { capBlocks, section, type Block } from '../blocks.ts';
import { issueOwnerText } from './issue-card.ts';

export interface IssueRegister {
  mine: IssueReport[];
  /** Open issues the asker owns or was assigned, reported by others. */
  inHand: IssueReport[];
  /** Open issues reported by the asker's subtree (managers only). */
  team: IssueReport[];
  /** All open OSB issues (SSG and SLT only). */
  osb: IssueReport[] | undefined;
}

/** `/issue list`: three sections, each line with age and owner, within a message's limits. */
export function issueRegisterView(
  register: IssueRegister,
  o: { locale: Locale; now: Date; nameOf: (id: string) => string },
): { text: string; blocks: Block[] } {
  const line = (issue: IssueReport) =>
    t(o.locale, 'issue.list.line', {
      number: issue.number,
      title: escapeMrkdwn(truncate(issue.title, 40)),
      status: tFor(o.locale, 'issue.status', issue.status),
      age: Math.floor((o.now.getTime() - issue.createdAt.getTime()) / 86_400_000),
      owner: issueOwnerText(o.locale, issue, o.nameOf),
    });
  const part = (titleKey: MessageKey, issues: IssueReport[]) => {
    const shown = issues.slice(0, 25).map(line);
    if (issues.length > 25) shown.push(t(o.locale, 'issue.list.more', { count: issues.length - 25 }));
    return section(
      `${t(o.locale, titleKey)}\n${shown.length > 0 ? shown.join('\n') : t(o.locale, 'issue.list.empty')}`,
    );
  };
  const blocks = [part('issue.list.mine', register.mine)];
  if (register.inHand.length > 0) blocks.push(part('issue.list.in_hand', register.inHand));
  if (register.team.length > 0) blocks.push(part('issue.list.team', register.team));
  if (register.osb) blocks.push(part('issue.list.osb', register.osb));
  return { text: t(o.locale, 'issue.list.mine'), blocks: capBlocks(blocks) };
}
