/**
 * Shared pieces of what guided conversations show: a program entry as text with the region note,
 * and the suggested action that starts its application walkthrough.
 */
import { ActionTypes, type CardAction, type TurnContext } from 'botbuilder';
import { turnLanguage, turnT } from '../bot/turnLocale.js';
import { composeAnswer, regionFit } from '../policies/composeAnswer.js';
import { localRegions } from '../policies/engine/regions.js';
import type { Entry, Region } from '../policies/schema.js';

/** The value of a walkthrough action (a postBack, so the channel does not echo it as text). */
export interface WalkthroughActionValue {
  action: 'walkthrough';
  entryId: string;
}

export function isWalkthroughValue(value: unknown): value is WalkthroughActionValue {
  const v = value as Partial<WalkthroughActionValue> | undefined;
  return v?.action === 'walkthrough' && typeof v.entryId === 'string';
}

/** "How to apply: <title>" — starts the walkthrough of `entry`. */
export function walkthroughAction(context: TurnContext, entry: Entry, label?: string): CardAction {
  const t = turnT(context);
  const title = label ?? t('walkthrough.startFor', { title: entry.title[turnLanguage(context)] });
  const value: WalkthroughActionValue = { action: 'walkthrough', entryId: entry.id };
  return { type: ActionTypes.PostBack, title, value, text: title, displayText: title };
}

/** The full answer text of an entry for this user, with the note on where the rule applies. */
export function entryText(context: TurnContext, entry: Entry, userRegion: Region | undefined): string {
  const regions = userRegion ? localRegions(userRegion) : undefined;
  return composeAnswer(entry, turnLanguage(context), turnT(context), regionFit(entry, regions), userRegion);
}
