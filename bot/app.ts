/**
 * The composition root: wires configuration, database, state, languages, dialogs, adapter and
 * HTTP server. Tests build the same app in-process with their own database and logger.
 */
import { join } from 'node:path';
import { ConversationState, UserState } from 'botbuilder';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/openDatabase.js';
import { migrate, readMigrations } from '../db/migrate.js';
import { PostgresStorage } from '../db/botStateStorage.js';
import { createI18n } from './i18n.js';
import { loadCommands } from './commands.js';
import { projectRoot } from './paths.js';
import type { UserProfile } from './userProfile.js';
import { AnbangBot } from './anbangBot.js';
import { createAdapter } from './adapter.js';
import { createServer, type BotServer } from './server.js';
import { HandoffService } from './handoff.js';
import { registerStaffRoutes } from '../web/staffApi.js';
import { MainDialog } from '../dialogs/mainDialog.js';
import { createMenuMatcher } from '../dialogs/menu.js';
import type { Answerer, WalkthroughProgress } from '../dialogs/dialogDeps.js';
import { createHandoffPort, forwardToOpenTicket } from './handoffPort.js';
import { createReminderPort } from './reminders.js';
import type { TranscriptLine } from './transcript.js';
import { createPolicyAnswerer } from './policyAnswerer.js';
import { loadKnowledgeBase } from '../policies/loadKnowledgeBase.js';
import { createRetriever, type Retriever } from '../policies/engine/retriever.js';
import type { Entry } from '../policies/schema.js';

export interface App extends BotServer {
  db: Database;
  /** Human handoff tickets; the staff API under /api/staff/ drives them. */
  handoff: HandoffService;
  /** Listens on `port` (0 = any free port); resolves with the port taken. */
  listen(port: number, host?: string): Promise<number>;
  /** Graceful stop: no new requests, turns under way finish, then the database closes. Idempotent. */
  stop(): Promise<void>;
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** An open database; when omitted the app opens the configured one and closes it on stop. */
  db?: Database;
  /** Replaces the knowledge-base answerer (tests). */
  answerer?: Answerer;
  /** Replaces our retriever (the evaluation plugs the baselines in here). */
  retriever?: Retriever;
  /** The clock the dialogs use (tests fix it). */
  now?: () => Date;
}

let knowledge: { entries: Entry[]; retriever: Retriever } | undefined;

/** The knowledge base and its index, built once per process (it takes a few hundred ms). */
export function defaultKnowledge(): { entries: Entry[]; retriever: Retriever } {
  if (!knowledge) {
    const entries = loadKnowledgeBase(join(projectRoot(), 'policies', 'kb'));
    knowledge = { entries, retriever: createRetriever(entries) };
  }
  return knowledge;
}

/** Builds the whole service; applies pending migrations before returning. */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const root = projectRoot();
  const db =
    options.db ??
    (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: config.DATABASE_POOL_SIZE }));
  const applied = await migrate(db, readMigrations(join(root, 'db', 'migrations')));
  if (applied.length > 0) logger.info({ applied, database: db.kind }, 'migrations applied');

  const storage = new PostgresStorage(db);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const profile = userState.createProperty<UserProfile>('profile');
  const i18n = await createI18n();
  // Made before the bot so the turn can hand messages to an open ticket.
  const adapter = createAdapter({ config, logger, i18n, conversationState });
  const handoff = new HandoffService({ db, adapter, appId: config.MicrosoftAppId, logger, i18n });
  const transcript = conversationState.createProperty<TranscriptLine[]>('transcript');
  const ticketOpened = conversationState.createProperty<boolean>('ticketOpened');
  const now = options.now ?? (() => new Date());
  const { entries } = defaultKnowledge();
  const retriever = options.retriever ?? defaultKnowledge().retriever;
  const commands = loadCommands(root);
  const mainDialog = new MainDialog({
    i18n,
    commands,
    matchMenu: createMenuMatcher(i18n),
    profile,
    walkthrough: userState.createProperty<WalkthroughProgress | undefined>('walkthrough'),
    misunderstood: conversationState.createProperty<number>('misunderstood'),
    answerer:
      options.answerer ??
      createPolicyAnswerer({ retriever, entries, profile, logger, asksSomething: (text) => commands.asksSomething(text) }),
    knowledge: { entries, byId: new Map(entries.map((e) => [e.id, e])), retriever },
    handoff: createHandoffPort(handoff, transcript, ticketOpened),
    reminders: createReminderPort(db),
    now,
  });
  const bot = new AnbangBot(conversationState, userState, profile, i18n, mainDialog, {
    forwardToPerson: (context) => forwardToOpenTicket(handoff, context, ticketOpened),
    transcript,
    now,
  });
  const botServer = createServer({ adapter, bot, db, logger, maxBodyBytes: config.MAX_BODY_BYTES });
  registerStaffRoutes(botServer.server, { handoff, logger, token: config.STAFF_API_TOKEN, maxBodyBytes: config.MAX_BODY_BYTES });

  let stopping: Promise<void> | undefined;
  return {
    ...botServer,
    db,
    handoff,
    listen: (port, host = config.HOST) =>
      new Promise((resolve, reject) => {
        botServer.server.once('error', reject);
        botServer.server.listen(port, host, () => resolve(botServer.server.address().port));
      }),
    stop() {
      stopping ??= (async () => {
        const { unfinished } = await botServer.drain(config.SHUTDOWN_TIMEOUT_MS);
        if (unfinished > 0) logger.warn({ unfinished }, 'stopped with turns still running');
        if (!options.db) await db.close();
      })();
      return stopping;
    },
  };
}
