import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** The app's slash commands as the manifest declares them, and whether Slack escapes their text. */
export function manifestCommands(
  file = path.join(import.meta.dirname, '../../manifest.yml'),
): Map<string, { shouldEscape: boolean }> {
  const manifest = parse(readFileSync(file, 'utf8')) as {
    features?: { slash_commands?: { command: string; should_escape?: boolean }[] };
  };
  return new Map(
    (manifest.features?.slash_commands ?? []).map((c) => [c.command, { shouldEscape: c.should_escape === true }]),
  );
}

/**
 * The text as Slack sends it: &, < and > escaped, and with should_escape (always for a message) an
 * "@name" of someone in the workspace turned into a mention, <@U…|name>, and a typed URL into a
 * link, <https://…>. Longer names first, so that "@王建國" is never read as "@王建".
 */
export function slackCommandText(
  text: string,
  shouldEscape: boolean,
  people: readonly { slackId: string; name: string }[],
): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (!shouldEscape) return escaped;
  const byLength = [...people].sort((a, b) => b.name.length - a.name.length);
  const linked = escaped.replace(/\bhttps?:\/\/[^\s<>]+/g, (url) => `<${url}>`);
  return linked.replace(/@(\S+)/g, (whole, rest: string) => {
    const person = byLength.find((p) => rest.startsWith(p.name));
    return person ? `<@${person.slackId}|${person.name}>${rest.slice(person.name.length)}` : whole;
  });
}
