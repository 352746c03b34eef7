import type { FakeSlack } from '../fake-slack/fake-slack-server.ts';
import type { StoredMessage } from '../fake-slack/workspace-state.ts';

export interface Answer {
  id: string;
  at: number;
  text: string;
  blocks?: unknown[];
}

/** Each person's private answers (slash command acks and response_url posts), as the page shows them. */
export class AnswerLog {
  /** The acks, newest last; response_url posts are read from the fake's calls. */
  private readonly acks = new Map<string, { id: number; at: number; text: string; blocks?: unknown[] }[]>();
  private count = 0;

  constructor(private readonly fake: FakeSlack) {}

  clear(): void {
    this.acks.clear();
  }

  remember(user: string, answer: Record<string, unknown>): void {
    const list = this.acks.get(user) ?? [];
    this.count += 1;
    const blocks = answer.blocks as unknown[] | undefined;
    list.push({ id: this.count, at: Date.now(), text: String(answer.text ?? ''), blocks });
    this.acks.set(user, list.slice(-20));
  }

  /** A person's private answers, newest last, each with an id a button click names it by. */
  of(user: string): Answer[] {
    const responses = this.fake.calls
      .map((c, index) => ({ c, index }))
      .filter(({ c }) => c.method === 'response_url' && c.args.user === user)
      .map(({ c, index }) => ({
        id: `r${index}`,
        at: c.at,
        text: String(c.args.text ?? ''),
        blocks: c.args.blocks as unknown[],
      }));
    const own = (this.acks.get(user) ?? []).map((a) => ({ ...a, id: `a${a.id}` }));
    return [...own, ...responses].sort((a, b) => a.at - b.at).slice(-10);
  }

  /**
   * An answer as the ephemeral message Slack shows in the person's conversation: its buttons click
   * as on any message (Slack sends is_ephemeral and the answer's own ts).
   */
  asMessage(user: string, id: string): StoredMessage | undefined {
    const answer = this.of(user).find((a) => a.id === id);
    if (!answer) return undefined;
    const ts = `${Math.floor(answer.at / 1000)}.${id.slice(1).padStart(6, '0')}`;
    const channel = this.fake.state.dmChannelFor(user);
    return { channel, ts, user: this.fake.botUserId, text: answer.text, blocks: answer.blocks, onlyFor: user };
  }
}
