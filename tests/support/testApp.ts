/** Runs the whole service in-process on a free port, for tests that speak HTTP to it. */
import { Writable } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import { createMigratedTestDatabase, type TestDatabase } from './testDatabase.js';
import { parseConfig, type Config } from '../../bot/config.js';
import { createLogger, type Logger } from '../../bot/logger.js';
import { createApp, type App, type AppOptions } from '../../bot/app.js';

/** A logger whose lines are kept in memory, so tests can read what was logged. */
export function memoryLogger(level = 'debug'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      cb();
    },
  });
  return { logger: createLogger(level, sink), lines };
}

export interface RunningApp {
  app: App;
  url: string;
  lines: string[];
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Posts an activity with expectReplies and returns the replies. */
  send(activity: Record<string, unknown>): Promise<Array<Record<string, unknown>>>;
}

export async function startTestApp(
  options: Partial<AppOptions> & { env?: Record<string, string> } = {},
): Promise<RunningApp> {
  const config: Config = parseConfig({ LOG_LEVEL: 'debug', ...options.env });
  const { logger, lines } = options.logger ? { logger: options.logger, lines: [] } : memoryLogger();
  const app = await createApp({ ...options, config, logger });
  const port = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    app,
    url,
    lines,
    post,
    async send(activity) {
      const res = await post({ deliveryMode: 'expectReplies', ...activity });
      if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${await res.text()}`);
      const body = (await res.json()) as { activities: Array<Record<string, unknown>> };
      return body.activities;
    },
  };
}

/** A message activity from a user in a conversation. */
export function message(text: string, opts: { conversation?: string; user?: string; locale?: string } = {}) {
  return {
    type: 'message',
    text,
    channelId: 'test',
    conversation: { id: opts.conversation ?? 'conv-1' },
    from: { id: opts.user ?? 'user-1' },
    recipient: { id: 'anbang' },
    ...(opts.locale ? { locale: opts.locale } : {}),
  };
}

/** The conversationUpdate a channel sends when a user joins. */
export function joined(opts: { conversation?: string; user?: string; locale?: string } = {}) {
  const user = opts.user ?? 'user-1';
  return {
    type: 'conversationUpdate',
    channelId: 'test',
    conversation: { id: opts.conversation ?? 'conv-1' },
    from: { id: user },
    recipient: { id: 'anbang' },
    membersAdded: [{ id: user }],
    ...(opts.locale ? { locale: opts.locale } : {}),
  };
}

/** All the text of a set of replies, joined. */
export function textOf(activities: Array<Record<string, unknown>>): string {
  return activities.map((a) => String(a.text ?? '')).join('\n');
}

/**
 * A fresh migrated database and the bot on it for the tests of one `describe` block, torn down
 * afterwards. `restart()` stops the bot and starts a new one on the same database.
 */
export function useTestBot(options: Partial<AppOptions> & { env?: Record<string, string> } = {}): {
  readonly bot: RunningApp;
  readonly db: TestDatabase;
  restart(): Promise<RunningApp>;
} {
  let bot: RunningApp | undefined;
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createMigratedTestDatabase();
    bot = await startTestApp({ ...options, db: db.db });
  });
  afterAll(async () => {
    await bot?.app.stop();
    await db?.drop();
  });
  const ready = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('useTestBot: used outside a test');
    return x;
  };
  return {
    get bot() {
      return ready(bot);
    },
    get db() {
      return ready(db);
    },
    async restart() {
      await ready(bot).app.stop();
      bot = await startTestApp({ ...options, db: ready(db).db });
      return bot;
    },
  };
}
