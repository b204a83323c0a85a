import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { i18n } from 'i18next';
import type { CommandMatcher } from '../bot/commands.js';
import type { UserProfile } from '../bot/userProfile.js';
import type { MenuItem } from './menu.js';

/** Answers a free-text message (a policy question); the knowledge base plugs in here. */
export interface Answerer {
  answer(context: TurnContext, text: string): Promise<void>;
}

/** What every dialog may use; built once in the composition root. */
export interface DialogDeps {
  i18n: i18n;
  commands: CommandMatcher;
  matchMenu: (text: string | undefined) => MenuItem | undefined;
  profile: StatePropertyAccessor<UserProfile>;
  answerer: Answerer;
}
