import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { parseConfig, ConfigError } from '../bot/config.js';
import { projectRoot } from '../bot/paths.js';

describe('configuration', () => {
  it('has working defaults: port 3978, embedded database under ./data, no auth', () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DATA_DIR).toBe('./data');
    expect(config.MicrosoftAppId).toBeUndefined();
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(parseConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/db' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['MAX_BODY_BYTES', { MAX_BODY_BYTES: '-1' }],
    ['MicrosoftAppPassword', { MicrosoftAppId: 'abc' }],
  ])('names %s when it is invalid', (variable, env) => {
    expect(() => parseConfig(env)).toThrowError(ConfigError);
    try {
      parseConfig(env);
    } catch (err) {
      expect((err as ConfigError).variable).toBe(variable);
      expect((err as Error).message).toContain(variable);
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('stops the process with exit code 2 and one line naming the variable', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bot/index.ts'], {
      cwd: projectRoot(),
      env: { ...process.env, PORT: 'not-a-port' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(2);
    const lines = run.stderr.split('\n').filter((l) => l.trim() !== '' && !/DeprecationWarning|trace-deprecation/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^invalid configuration: PORT: /);
  });
});
