/**
 * The language of the current turn, decided once when the turn starts and kept in turnState so
 * every dialog and handler replies in the same language.
 */
import type { TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import type { Language } from './i18n.js';

const LANGUAGE_KEY = Symbol('anbang.language');
const T_KEY = Symbol('anbang.t');

export function setTurnLanguage(context: TurnContext, language: Language, t: TFunction): void {
  context.turnState.set(LANGUAGE_KEY, language);
  context.turnState.set(T_KEY, t);
}

/** The reply language of this turn. */
export function turnLanguage(context: TurnContext): Language {
  const lng = context.turnState.get(LANGUAGE_KEY) as Language | undefined;
  if (!lng) throw new Error('turn language not set: the bot must call setTurnLanguage first');
  return lng;
}

/** The translator for this turn's language. */
export function turnT(context: TurnContext): TFunction {
  const t = context.turnState.get(T_KEY) as TFunction | undefined;
  if (!t) throw new Error('turn translator not set: the bot must call setTurnLanguage first');
  return t;
}
