import { createHash } from 'node:crypto';

/** What the fake workspace holds, so that tests and the sandbox can read it back like a person would. */
export interface StoredMessage {
  channel: string;
  ts: string;
  user: string;
  text: string;
  blocks?: unknown[];
  threadTs?: string;
  edited?: boolean;
  /** Ephemeral messages are seen only by this user. */
  onlyFor?: string;
  /** Slack's message metadata (event_type, event_payload), as the app sent it. */
  metadata?: unknown;
  /** Files shared with the message (files.uploadV2). */
  files?: SharedFile[];
}

export interface SharedFile {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  /** What a screen reader reads (alt_txt), when it was given. */
  altText?: string;
  /** Who uploaded it (a person's upload; the bot's own have none). */
  user?: string;
}

/** Everything a restart must keep, as JSON. */
export interface WorkspaceSnapshot {
  messages: StoredMessage[];
  views: StoredView[];
  homes: [string, Record<string, unknown>][];
  closedViews: string[];
  groupMembers: [string, string[]][];
  files: (SharedFile & { base64: string })[];
  counters: { ts: number; view: number; file: number };
}

export interface StoredView {
  id: string;
  user: string;
  view: Record<string, unknown>;
  hash: string;
}

export class WorkspaceState {
  readonly messages: StoredMessage[] = [];
  readonly views = new Map<string, StoredView>();
  readonly homes = new Map<string, Record<string, unknown>>();
  /** Who a trigger_id or a response_url belongs to, so a modal or an answer reaches the right person. */
  readonly triggerOwners = new Map<string, string>();
  readonly responseOwners = new Map<string, string>();
  /** Modals the person closed or submitted successfully. */
  readonly closedViews = new Set<string>();
  /** Uploaded files by id, with their bytes. */
  readonly files = new Map<string, SharedFile & { data: Buffer; length?: number }>();
  /** Upload URLs handed out and not used yet: the file id, name, announced length and alt text of each. */
  readonly pendingUploads = new Map<string, { id: string; name: string; length?: number; altText?: string }>();
  private tsCounter = 0;
  private viewCounter = 0;
  private fileCounter = 0;

  nextFileId(): string {
    this.fileCounter += 1;
    return `F${String(this.fileCounter).padStart(8, '0')}`;
  }

  snapshot(): WorkspaceSnapshot {
    return {
      messages: this.messages,
      views: [...this.views.values()],
      homes: [...this.homes],
      closedViews: [...this.closedViews],
      groupMembers: [...this.groupMembers],
      files: [...this.files.values()].map(({ data, ...file }) => ({ ...file, base64: data.toString('base64') })),
      counters: { ts: this.tsCounter, view: this.viewCounter, file: this.fileCounter },
    };
  }

  restore(saved: WorkspaceSnapshot): void {
    this.messages.push(...saved.messages);
    for (const view of saved.views) this.views.set(view.id, view);
    for (const [user, home] of saved.homes) this.homes.set(user, home);
    for (const id of saved.closedViews) this.closedViews.add(id);
    for (const [id, members] of saved.groupMembers) this.groupMembers.set(id, members);
    for (const { base64, ...file } of saved.files)
      this.files.set(file.id, { ...file, data: Buffer.from(base64, 'base64') });
    this.tsCounter = saved.counters.ts;
    this.viewCounter = saved.counters.view;
    this.fileCounter = saved.counters.file;
  }

  nextTs(): string {
    this.tsCounter += 1;
    const seconds = Math.floor(Date.now() / 1000);
    return `${seconds}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  nextViewId(): string {
    this.viewCounter += 1;
    return `V${String(this.viewCounter).padStart(8, '0')}`;
  }

  /** A DM with a user is addressed by the user id; Slack answers with a D… channel id. */
  dmChannelFor(userId: string): string {
    return `D${userId.slice(1)}`;
  }

  /** Members of group DMs, by channel id. */
  readonly groupMembers = new Map<string, string[]>();

  /** A DM for one user, a group DM (G…) for several, the same id for the same people every time. */
  openConversation(users: string[]): string {
    if (users.length <= 1) return this.dmChannelFor(users[0] ?? 'U0NOBODY');
    const members = [...new Set(users)].sort();
    const id = `G${createHash('sha1').update(members.join(',')).digest('hex').slice(0, 10).toUpperCase()}`;
    this.groupMembers.set(id, members);
    return id;
  }

  /**
   * Whether the user is in the conversation: a DM only its person, a group DM its members; channels
   * (C…) keep no members here, so anyone is.
   */
  isMember(channel: string, userId: string): boolean {
    if (channel.startsWith('D')) return channel === this.dmChannelFor(userId);
    const members = this.groupMembers.get(channel);
    return members ? members.includes(userId) : true;
  }

  resolveChannel(channel: string): string {
    return /^[UW]/.test(channel) ? this.dmChannelFor(channel) : channel;
  }

  find(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts);
  }

  inChannel(channel: string): StoredMessage[] {
    return this.messages.filter((m) => m.channel === this.resolveChannel(channel));
  }
}
