import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';

const valid = { SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: 'abcdef123456' };

describe('parseConfig', () => {
  it('fills the documented defaults', () => {
    const result = parseConfig(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.port).toBe(3000);
    expect(result.config.slack.apiUrl).toBe('https://slack.com/api/');
    expect(result.config.databaseUrl).toBe('file:./data/bot.db');
    expect(result.config.slack.appToken).toBeUndefined();
  });

  it('passes SLACK_API_URL through with a trailing slash', () => {
    const result = parseConfig({ ...valid, SLACK_API_URL: 'http://127.0.0.1:9999/api' });
    expect(result.ok && result.config.slack.apiUrl).toBe('http://127.0.0.1:9999/api/');
  });

  it('says exactly what to set when no Slack credentials are given', () => {
    const result = parseConfig({});
    expect(result.ok).toBe(false);
    const text = !result.ok ? result.lines.join('\n') : '';
    expect(text).toContain('SLACK_BOT_TOKEN');
    expect(text).toContain('SLACK_SIGNING_SECRET');
    expect(text).toContain('SLACK_APP_TOKEN');
  });

  it('names each bad variable on its own line', () => {
    const result = parseConfig({
      ...valid,
      SLACK_BOT_TOKEN: 'xoxp-user',
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      LOG_LEVEL: 'loud',
    });
    expect(result.ok).toBe(false);
    const lines = !result.ok ? result.lines : [];
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.includes('SLACK_BOT_TOKEN'))).toContain('xoxb-');
    expect(lines.find((l) => l.includes('PORT'))).toContain('port number');
    expect(lines.find((l) => l.includes('DATABASE_URL'))).toContain('postgresql://');
    expect(lines.find((l) => l.includes('LOG_LEVEL'))).toBeDefined();
  });

  it("reads the scheduled runs' lease and attempts, with defaults, and names a bad one", () => {
    const defaults = parseConfig(valid);
    expect(defaults.ok && defaults.config.jobs).toEqual({ catchUpHours: 36, leaseMs: 300_000, maxAttempts: 5 });
    const set = parseConfig({ ...valid, JOB_LEASE_SECONDS: '30', JOB_MAX_ATTEMPTS: '3' });
    expect(set.ok && set.config.jobs).toMatchObject({ leaseMs: 30_000, maxAttempts: 3 });
    const bad = parseConfig({ ...valid, JOB_LEASE_SECONDS: 'soon', JOB_MAX_ATTEMPTS: '0' });
    const lines = bad.ok ? [] : bad.lines;
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.includes('JOB_LEASE_SECONDS'))).toContain('seconds');
    expect(lines.find((l) => l.includes('JOB_MAX_ATTEMPTS'))).toBeDefined();
  });

  it('chooses Socket Mode by SLACK_APP_TOKEN, without a signing secret', () => {
    const result = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-2' });
    expect(result.ok && result.config.slack.appToken).toBe('xapp-1-2');
  });

  it('requires the signing secret in HTTP mode', () => {
    const result = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(!result.ok && result.lines[0]).toContain('SLACK_SIGNING_SECRET');
  });
});
