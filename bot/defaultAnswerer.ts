import { MessageFactory, type TurnContext } from 'botbuilder';
import { turnT } from './turnLocale.js';
import { handoffAction } from '../dialogs/menu.js';
import type { Answerer } from '../dialogs/dialogDeps.js';

/**
 * Used when no knowledge base is wired in: says plainly that it cannot answer and offers a
 * person, never guessing.
 */
export const notSureAnswerer: Answerer = {
  async answer(context: TurnContext): Promise<void> {
    await context.sendActivity(MessageFactory.suggestedActions([handoffAction(context)], turnT(context)('answer.notSure')));
  },
};
