import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_UNHANDLED } from '../../src/lib/exit-on-unhandled.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('an error nobody handled', () => {
  it.each(['rejection', 'exception'])(
    '(an unhandled %s) is logged, then the process exits non-zero for its supervisor',
    (kind) => {
      const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/support/unhandled-child.ts', kind], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(child.status).toBe(EXIT_UNHANDLED);
      const fatal = child.stderr
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { level: number; msg: string; err?: { message: string } });
      expect(fatal).toHaveLength(1);
      expect(fatal[0]).toMatchObject({
        level: 60,
        msg: expect.stringContaining('exiting so that the supervisor restarts the bot'),
      });
      expect(fatal[0].err?.message).toMatch(/nobody awaited this|thrown from a timer/);
    },
  );
});
