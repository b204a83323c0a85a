/**
 * Runs the main dialog in botbuilder-testing's DialogTestClient with the real knowledge base,
 * locales and commands, a fixed clock, and ports that record handoffs and reminders. Conversations
 * are tables of turns: what the user says, and fragments each reply must contain, in order.
 */
import { expect } from 'vitest';
import { DialogTestClient } from 'botbuilder-testing';
import {
  ConversationState,
  MemoryStorage,
  MessageFactory,
  UserState,
  type Activity,
  type Middleware,
  type TurnContext,
} from 'botbuilder';
import { createI18n, translator } from '../../bot/i18n.js';
import { loadCommands } from '../../bot/commands.js';
import { resolveLanguage } from '../../bot/language.js';
import { setTurnLanguage } from '../../bot/turnLocale.js';
import { createPolicyAnswerer } from '../../bot/policyAnswerer.js';
import { createLogger } from '../../bot/logger.js';
import { defaultKnowledge } from '../../bot/app.js';
import type { UserProfile } from '../../bot/userProfile.js';
import { MainDialog } from '../../dialogs/mainDialog.js';
import { createMenuMatcher } from '../../dialogs/menu.js';
import type { HandoffReason, WalkthroughProgress } from '../../dialogs/dialogDeps.js';

/** One turn: the user's message (or a full activity), and a fragment per expected reply. */
export type Turn = [user: string | Partial<Activity>, replies: string[]];

export const FIXED_NOW = new Date('2026-11-21T04:00:00Z');

export interface Harness {
  run(turns: Turn[]): Promise<void>;
  handoffs: HandoffReason[];
  reminders: string[];
  /** The activities of the last turn, for checks beyond text. */
  lastReplies: Array<Partial<Activity>>;
}

/**
 * A fresh conversation. `storage` may be shared between harnesses to show that a conversation
 * survives a restart (a new bot over the same store).
 */
export async function createHarness(locale: string, storage = new MemoryStorage()): Promise<Harness> {
  const i18n = await createI18n();
  // MemoryStorage here: these test the dialogs' logic; state in PostgreSQL is tested over HTTP.
  const userState = new UserState(storage);
  const conversationState = new ConversationState(storage);
  const profile = userState.createProperty<UserProfile>('profile');
  const { entries, retriever } = defaultKnowledge();
  const handoffs: HandoffReason[] = [];
  const reminders: string[] = [];
  const language: Middleware = {
    async onTurn(context: TurnContext, next) {
      const chosen = (await profile.get(context))?.language;
      const lng = resolveLanguage({ chosen, locale: context.activity.locale, text: context.activity.text });
      setTurnLanguage(context, lng, translator(i18n, lng));
      await next();
      await userState.saveChanges(context);
    },
  };
  const commands = loadCommands();
  const dialog = new MainDialog({
    i18n,
    commands,
    matchMenu: createMenuMatcher(i18n),
    profile,
    walkthrough: userState.createProperty<WalkthroughProgress | undefined>('walkthrough'),
    misunderstood: conversationState.createProperty<number>('misunderstood'),
    answerer: createPolicyAnswerer({
      retriever,
      entries,
      profile,
      logger: createLogger('silent'),
      asksSomething: (text) => commands.asksSomething(text),
    }),
    knowledge: { entries, byId: new Map(entries.map((e) => [e.id, e])), retriever },
    handoff: {
      async request(context, reason) {
        handoffs.push(reason);
        await context.sendActivity(MessageFactory.text(`[handoff:${reason}]`));
      },
    },
    reminders: {
      async requestCheckinReminder(_context, deadline) {
        reminders.push(deadline);
      },
    },
    now: () => FIXED_NOW,
  });
  const client = new DialogTestClient('test', dialog, undefined, [language], conversationState);
  const harness: Harness = {
    handoffs,
    reminders,
    lastReplies: [],
    async run(turns) {
      for (const [said, expected] of turns) {
        const activity: Partial<Activity> =
          typeof said === 'string' ? { type: 'message', text: said, locale } : { type: 'message', locale, ...said };
        const label = typeof said === 'string' ? said : JSON.stringify(said).slice(0, 60);
        const replies: Array<Partial<Activity>> = [];
        let reply = (await client.sendActivity(activity)) as Partial<Activity> | undefined;
        while (reply) {
          replies.push(reply);
          reply = client.getNextReply() as Partial<Activity> | undefined;
        }
        harness.lastReplies = replies;
        const texts = replies.map((r) => r.text ?? '');
        expect(texts.length, `replies to "${label}":\n${texts.join('\n---\n')}`).toBe(expected.length);
        expected.forEach((fragment, i) => expect(texts[i], `reply ${i + 1} to "${label}"`).toContain(fragment));
      }
    },
  };
  return harness;
}
