import { parseUserMention } from '../../lib/text.ts';
import type { OrgChart } from './org-chart.ts';

/**
 * Whom a typed reference names: Slack's escaped mention (<@U…|name>), a member id with or without
 * "@", or "@display name" as typed when Slack did not escape it. Undefined when it names nobody.
 */
export function personFromRef(chart: OrgChart, token: string): string | undefined {
  const text = token.trim();
  const mentioned = parseUserMention(text) ?? parseUserMention(text.replace(/^@/, ''));
  if (mentioned) return mentioned;
  if (!text.startsWith('@')) return undefined;
  const name = text.slice(1).normalize('NFC');
  return name ? chart.people.find((p) => p.name.normalize('NFC') === name)?.slackId : undefined;
}
