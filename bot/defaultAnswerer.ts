import { MessageFactory, type TurnContext } from 'botbuilder';
import { turnT } from './turnLocale.js';
import { handoffAction } from '../dialogs/menu.js';
import type { Answerer, AnswerOutcome } from '../dialogs/dialogDeps.js';

/**
 * Used when no knowledge base is wired in (tests of the conversation shell): says plainly that it
 * cannot answer and offers a person, never guessing.
 */
export const notSureAnswerer: Answerer = {
  async answer(context: TurnContext, _text: string, opts?: { quiet?: boolean }): Promise<AnswerOutcome> {
    if (!opts?.quiet) {
      await context.sendActivity(MessageFactory.suggestedActions([handoffAction(context)], turnT(context)('answer.notSure')));
    }
    return 'not_sure';
  },
};
