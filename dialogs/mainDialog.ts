/**
 * The root dialog of every message turn that is not inside a guided conversation: a global
 * command, a menu choice, or a free-text question for the knowledge base.
 */
import { WaterfallDialog, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { MessageFactory } from 'botbuilder';
import { turnT } from '../bot/turnLocale.js';
import { InterruptibleDialog } from './interruptibleDialog.js';
import type { DialogDeps } from './dialogDeps.js';
import { handoffAction, menuActivity } from './menu.js';

export const MAIN_DIALOG = 'mainDialog';
const MAIN_WATERFALL = 'mainDialog.waterfall';

export class MainDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(MAIN_DIALOG, deps);
    this.addDialog(new WaterfallDialog(MAIN_WATERFALL, [this.routeStep.bind(this)]));
    this.initialDialogId = MAIN_WATERFALL;
  }

  /** Decides what the message is and answers it; the dialog ends with the turn. */
  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (await this.interrupt(step)) return step.endDialog();
    const text = step.context.activity.text?.trim() ?? '';
    const t = turnT(step.context);
    if (text === '') {
      await step.context.sendActivity(menuActivity(step.context, t('input.empty')));
      return step.endDialog();
    }
    const item = this.deps.matchMenu(text);
    switch (item) {
      case 'policy':
        await step.context.sendActivity(t('policy.ask'));
        break;
      case 'eligibility':
      case 'checkin':
      case 'family':
        await step.context.sendActivity(
          MessageFactory.suggestedActions([handoffAction(step.context)], t('guided.notReady')),
        );
        break;
      case 'handoff':
        await step.context.sendActivity(
          MessageFactory.suggestedActions([handoffAction(step.context)], t('handoff.unavailable')),
        );
        break;
      case undefined:
        await this.deps.answerer.answer(step.context, text);
        break;
    }
    return step.endDialog();
  }
}
