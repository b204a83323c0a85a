/**
 * The shared base of every dialog: help, cancel, menu, language switch and handoff work at any
 * point of any conversation, handled here once instead of in each dialog.
 */
import {
  ComponentDialog,
  DialogTurnStatus,
  type DialogContext,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import { ActivityTypes, MessageFactory } from 'botbuilder';
import { setTurnLanguage, turnT } from '../bot/turnLocale.js';
import { translator } from '../bot/i18n.js';
import type { DialogDeps } from './dialogDeps.js';
import { handoffAction, menuActivity } from './menu.js';

/** What an interruption did: the caller ends or cancels its dialog accordingly. */
export type Interruption = 'cancelled' | 'handled' | 'language';

export abstract class InterruptibleDialog extends ComponentDialog {
  protected constructor(
    id: string,
    protected readonly deps: DialogDeps,
  ) {
    super(id);
  }

  override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interruption = await this.interrupt(innerDc);
    if (interruption === 'cancelled') return innerDc.cancelAllDialogs();
    if (interruption === 'language') {
      // Ask the open question again, now in the new language.
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    if (interruption === 'handled') return { status: DialogTurnStatus.waiting };
    return super.onContinueDialog(innerDc);
  }

  /** Handles a global command if the message is one; returns undefined when it is not. */
  protected async interrupt(dc: DialogContext): Promise<Interruption | undefined> {
    const { activity } = dc.context;
    if (activity.type !== ActivityTypes.Message) return undefined;
    const command = this.deps.commands.match(activity.text);
    if (!command) return undefined;
    const t = () => turnT(dc.context);
    switch (command.kind) {
      case 'help':
        await dc.context.sendActivity(menuActivity(dc.context, t()('help.text')));
        return 'handled';
      case 'cancel':
        await dc.context.sendActivity(menuActivity(dc.context, t()('cancel.done')));
        return 'cancelled';
      case 'menu':
        await dc.context.sendActivity(menuActivity(dc.context));
        return 'cancelled';
      case 'handoff':
        await dc.context.sendActivity(
          MessageFactory.suggestedActions([handoffAction(dc.context)], t()('handoff.unavailable')),
        );
        return 'handled';
      case 'language': {
        const profile = await this.deps.profile.get(dc.context, {});
        await this.deps.profile.set(dc.context, { ...profile, language: command.language });
        setTurnLanguage(dc.context, command.language, translator(this.deps.i18n, command.language));
        await dc.context.sendActivity(t()('language.switched'));
        return 'language';
      }
    }
  }
}
