import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { i18n } from 'i18next';
import type { CommandMatcher } from '../bot/commands.js';
import type { UserProfile } from '../bot/userProfile.js';
import type { Entry } from '../policies/schema.js';
import type { Retriever } from '../policies/engine/retriever.js';
import type { MenuItem } from './menu.js';

/** What became of a free-text message handed to the knowledge base. */
export type AnswerOutcome = 'answered' | 'not_sure' | 'declined' | 'crisis' | 'greeting';

/** Answers a free-text message (a policy question); the knowledge base plugs in here. */
export interface Answerer {
  /**
   * Answers `text`. With `quiet`, nothing is sent unless the message is a crisis or a confident
   * answer (a wizard uses this for a question asked in the middle of it).
   */
  answer(context: TurnContext, text: string, opts?: { quiet?: boolean }): Promise<AnswerOutcome>;
}

export type HandoffReason = 'requested' | 'misunderstood' | 'crisis';

/** Hands the conversation to a person (a ticket for staff); tells the user what happens next. */
export interface HandoffPort {
  request(context: TurnContext, reason: HandoffReason): Promise<void>;
}

/** Keeps the reminders people ask for, for the notifier. */
export interface ReminderPort {
  requestCheckinReminder(context: TurnContext, deadline: string): Promise<void>;
}

/** Where a person is in an application walkthrough; kept in user state across days. */
export interface WalkthroughProgress {
  entryId: string;
  step: number;
  done: number[];
}

/** The knowledge base, for dialogs that go beyond one answer. */
export interface Knowledge {
  entries: Entry[];
  byId: Map<string, Entry>;
  retriever: Retriever;
}

/** What every dialog may use; built once in the composition root. */
export interface DialogDeps {
  i18n: i18n;
  commands: CommandMatcher;
  matchMenu: (text: string | undefined) => MenuItem | undefined;
  profile: StatePropertyAccessor<UserProfile>;
  walkthrough: StatePropertyAccessor<WalkthroughProgress | undefined>;
  misunderstood: StatePropertyAccessor<number>;
  answerer: Answerer;
  knowledge: Knowledge;
  handoff: HandoffPort;
  reminders: ReminderPort;
  /** The current time; passed in so tests can fix it. */
  now: () => Date;
}
