import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const schemaDir = path.join(root, 'test/fixtures/slack-manifest-schema');
const readJson = (name: string) => JSON.parse(readFileSync(path.join(schemaDir, name), 'utf8'));

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(
    readJson('manifest.schema.1.0.0.json'),
    'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.1.0.0.json',
  );
  ajv.addSchema(
    readJson('manifest.schema.2.0.0.json'),
    'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.2.0.0.json',
  );
  return ajv.compile(readJson('manifest.schema.json'));
}

const manifest = parse(readFileSync(path.join(root, 'manifest.yml'), 'utf8'));

describe('manifest.yml', () => {
  it("validates against Slack's published manifest schema", () => {
    const validate = validator();
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is refused by the same schema when broken, so the check can fail', () => {
    const validate = validator();
    const broken = structuredClone(manifest);
    broken.features.slash_commands[0].command = 'visit without slash';
    broken.oauth_config.scopes.bot.push('not:a:scope');
    expect(validate(broken)).toBe(false);
  });

  it('declares every slash command the product has, at the events URL', () => {
    const commands = manifest.features.slash_commands.map((c: { command: string }) => c.command);
    expect(commands).toEqual(expect.arrayContaining(['/visit', '/issue', '/feedback', '/targets', '/focus', '/org']));
    for (const command of manifest.features.slash_commands) expect(command.url).toMatch(/\/slack\/events$/);
  });

  it('turns on interactivity, the App Home tab and the events thread replies need', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_home_opened', 'message.channels']),
    );
  });

  it('asks for no admin or user scopes', () => {
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
    expect(manifest.oauth_config.scopes.bot.filter((s: string) => s.startsWith('admin'))).toEqual([]);
  });
});
