/**
 * The main menu: shown as suggested actions (tap) and as a numbered list in the text, because
 * many users are on channels or phones where buttons do not show.
 */
import { ActionTypes, MessageFactory, type Activity, type CardAction, type TurnContext } from 'botbuilder';
import { turnT } from '../bot/turnLocale.js';
import { foldCommandText } from '../bot/commands.js';
import type { i18n } from 'i18next';
import { LANGUAGES } from '../bot/i18n.js';

export const MENU_ITEMS = ['policy', 'eligibility', 'checkin', 'family', 'handoff'] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];

/** The value a handoff button sends, fixed by ../shared/contracts.md. */
export const HANDOFF_VALUE = 'handoff';

/** A suggested action that asks for a person. */
export function handoffAction(context: TurnContext): CardAction {
  return { type: ActionTypes.ImBack, title: turnT(context)('menu.items.handoff'), value: HANDOFF_VALUE };
}

/** The menu as one message with suggested actions, preceded by `lead` when given. */
export function menuActivity(context: TurnContext, lead?: string): Partial<Activity> {
  const t = turnT(context);
  const lines = MENU_ITEMS.map((item, i) => `${i + 1}. ${t(`menu.items.${item}`)}`);
  const text = [lead ?? t('menu.prompt'), ...lines, t('menu.replyWithNumber')].join('\n');
  const actions: CardAction[] = MENU_ITEMS.map((item) =>
    item === 'handoff'
      ? handoffAction(context)
      : { type: ActionTypes.ImBack, title: t(`menu.items.${item}`), value: t(`menu.items.${item}`) },
  );
  return MessageFactory.suggestedActions(actions, text);
}

/** Recognises a menu choice: a label in any of the three languages, or its number. */
export function createMenuMatcher(i18nInstance: i18n): (text: string | undefined) => MenuItem | undefined {
  const table = new Map<string, MenuItem>();
  for (const lng of LANGUAGES) {
    const t = i18nInstance.getFixedT(lng);
    MENU_ITEMS.forEach((item, i) => {
      table.set(foldCommandText(t(`menu.items.${item}`)), item);
      table.set(String(i + 1), item);
    });
  }
  return (text) => {
    const folded = text ? foldCommandText(text) : '';
    return folded === '' ? undefined : table.get(folded);
  };
}
