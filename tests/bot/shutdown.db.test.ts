import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TurnContext } from 'botbuilder';
import { createTestDatabase, testEngine, type TestDatabase } from '../support/testDatabase.js';
import { message, startTestApp, textOf } from '../support/testApp.js';

/** A promise with its resolve exposed: lets a test hold a turn open and release it. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe(`graceful shutdown (${testEngine()})`, () => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.drop();
    t = undefined;
  });

  it('lets a turn in progress finish, refuses new work, then closes the database', async () => {
    t = await createTestDatabase();
    const env: Record<string, string> = t.url ? { DATABASE_URL: t.url } : { DATA_DIR: mkdtempSync(join(tmpdir(), 'anbang-')) };
    const turnStarted = deferred();
    const release = deferred();
    const bot = await startTestApp({
      env,
      answerer: {
        async answer(context: TurnContext) {
          turnStarted.resolve();
          await release.promise;
          await context.sendActivity('finished after all');
          return 'answered' as const;
        },
      },
    });

    const pending = bot.send(message('一个问题', { conversation: 'slow' }));
    await turnStarted.promise;
    let stopped = false;
    const stopping = bot.app.stop().then(() => {
      stopped = true;
    });
    // Give the stop every chance to (wrongly) complete while the turn is still open.
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    // New work is refused while draining: either the connection is refused or the answer is 503.
    const late = await bot.post({ ...message('晚到的', { conversation: 'late' }), deliveryMode: 'expectReplies' }).then(
      (res) => res.status,
      () => 'refused' as const,
    );
    expect([503, 'refused']).toContain(late);

    release.resolve();
    expect(textOf(await pending)).toContain('finished after all');
    await stopping;
    expect(stopped).toBe(true);
    await expect(bot.app.db.query('SELECT 1')).rejects.toThrow();
    await expect(fetch(`${bot.url}/healthz`)).rejects.toThrow();
    // Stopping twice is harmless.
    await bot.app.stop();
  });
});
