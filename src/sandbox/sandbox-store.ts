import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { providerOf, sqlitePath } from '../db/database.ts';
import type { FakeSlack } from '../fake-slack/fake-slack-server.ts';
import type { WorkspaceSnapshot } from '../fake-slack/workspace-state.ts';
import type { FixedClock } from '../lib/clock.ts';

interface Saved {
  workspace: WorkspaceSnapshot;
  /** How far the sandbox's clock runs ahead of the machine's. */
  clockOffsetMs: number;
  /** The org template the page last switched to, which a restart starts on; none: the configured org file. */
  template?: string;
}

/**
 * Keeps the sandbox's conversations, clock and org template in a file beside its database, so that a restart
 * finds the old cards with their buttons next to the data they show, and holds a lock so that a
 * second sandbox never shares the same database.
 */
export class SandboxStore {
  readonly file: string;
  readonly lockFile: string;
  private fake?: FakeSlack;
  private clock?: FixedClock;
  private timer?: NodeJS.Timeout;
  /** The org template in use, if the page switched to one. */
  template?: string;

  constructor(databaseUrl: string) {
    const base = providerOf(databaseUrl) === 'sqlite' ? sqlitePath(databaseUrl) : path.join('data', 'sandbox-postgres');
    this.file = `${base}.workspace.json`;
    this.lockFile = `${base}.lock`;
  }

  /** Who holds the lock now, if a live process does. */
  holder(): { pid: number; url?: string } | undefined {
    if (!existsSync(this.lockFile)) return undefined;
    try {
      const held = JSON.parse(readFileSync(this.lockFile, 'utf8')) as { pid: number; url?: string };
      process.kill(held.pid, 0); // throws when that process is gone
      return held;
    } catch {
      return undefined;
    }
  }

  lock(url: string): void {
    mkdirSync(path.dirname(path.resolve(this.lockFile)), { recursive: true });
    writeFileSync(this.lockFile, JSON.stringify({ pid: process.pid, url }));
  }

  unlock(): void {
    const held = this.holder();
    if (held?.pid === process.pid) rmSync(this.lockFile, { force: true });
  }

  load(): Saved | undefined {
    if (!existsSync(this.file)) return undefined;
    try {
      const saved = JSON.parse(readFileSync(this.file, 'utf8')) as Saved;
      this.template = saved.template;
      return saved;
    } catch {
      return undefined; // a damaged file: start with an empty workspace rather than not at all
    }
  }

  attach(fake: FakeSlack, clock: FixedClock): void {
    this.fake = fake;
    this.clock = clock;
  }

  /** Something changed: save soon, once for a burst of changes. */
  changed(): void {
    if (!this.fake || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.save();
    }, 300);
  }

  /** The page switched to this org template: a restart starts on it. */
  keepTemplate(key: string): void {
    this.template = key;
    this.save();
  }

  save(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.fake || !this.clock) return;
    const saved: Saved = {
      workspace: this.fake.state.snapshot(),
      clockOffsetMs: this.clock.now().getTime() - Date.now(),
      ...(this.template ? { template: this.template } : {}),
    };
    mkdirSync(path.dirname(path.resolve(this.file)), { recursive: true });
    writeFileSync(`${this.file}.tmp`, JSON.stringify(saved));
    renameSync(`${this.file}.tmp`, this.file);
  }
}
