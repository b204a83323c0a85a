/**
 * The shared base of every dialog: help, cancel, menu, back, language switch and handoff work at
 * any point of any conversation, and a policy question asked in the middle of a guided
 * conversation is answered before the conversation resumes — handled here once, not per dialog.
 */
import {
  ComponentDialog,
  DialogTurnStatus,
  type DialogContext,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { isWalkthroughValue } from './answerFormat.js';
import { crisisSignal } from '../policies/engine/gates.js';
import { setTurnLanguage, turnT } from '../bot/turnLocale.js';
import { translator } from '../bot/i18n.js';
import type { DialogDeps } from './dialogDeps.js';
import { menuActivity } from './menu.js';

const RESTART = Symbol('anbang.restart');

/** True when this turn's guided conversation was cancelled to start another flow. */
export function restartRequested(context: TurnContext): boolean {
  return context.turnState.get(RESTART) === true;
}

/** What an interruption did: the caller ends, cancels or re-asks accordingly. */
export type Interruption = 'cancelled' | 'handled' | 'language' | 'back';

export abstract class InterruptibleDialog extends ComponentDialog {
  /** False for the root dialog; true for guided conversations, which a menu choice leaves. */
  protected readonly guided: boolean = true;

  protected constructor(
    id: string,
    protected readonly deps: DialogDeps,
  ) {
    super(id);
  }

  override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    // A guided conversation running inside this one handles interruptions itself (its "back"
    // means something to it); only the innermost interruptible dialog takes them.
    const active = innerDc.activeDialog ? this.findDialog(innerDc.activeDialog.id) : undefined;
    if (active instanceof InterruptibleDialog) return super.onContinueDialog(innerDc);
    const interruption = await this.interrupt(innerDc);
    switch (interruption) {
      case 'cancelled':
        return innerDc.cancelAllDialogs();
      case 'language':
        // Ask the open question again, now in the new language.
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'back':
        return this.onBack(innerDc);
      case 'handled':
        return { status: DialogTurnStatus.waiting };
      case undefined:
        return super.onContinueDialog(innerDc);
    }
  }

  /** "Back" inside this dialog; by default the open question is asked again. */
  protected async onBack(innerDc: DialogContext): Promise<DialogTurnResult> {
    await innerDc.repromptDialog();
    return { status: DialogTurnStatus.waiting };
  }

  /** Handles a global command if the message is one; returns undefined when it is not. */
  protected async interrupt(dc: DialogContext): Promise<Interruption | undefined> {
    const { activity } = dc.context;
    if (activity.type !== ActivityTypes.Message) return undefined;
    const text = activity.text?.trim() ?? '';
    // A "how to apply" button, or a menu choice by name (not by number: "5" may be an answer),
    // inside a guided conversation: leave it and start what was chosen.
    const switching = isWalkthroughValue(activity.value) || (!/^\d+$/.test(text) && this.deps.matchMenu(text) !== undefined);
    if (this.guided && switching && this.deps.commands.match(text)?.kind !== 'handoff') {
      dc.context.turnState.set(RESTART, true);
      return 'cancelled';
    }
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
      case 'back':
        return 'back';
      case 'handoff':
        await this.deps.handoff.request(dc.context, 'requested');
        return 'cancelled';
      case 'language': {
        const profile = (await this.deps.profile.get(dc.context)) ?? {};
        await this.deps.profile.set(dc.context, { ...profile, language: command.language });
        setTurnLanguage(dc.context, command.language, translator(this.deps.i18n, command.language));
        await dc.context.sendActivity(t()('language.switched'));
        return 'language';
      }
    }
  }

  /**
   * For a message a guided conversation could not use as an answer: if it is a policy question
   * the knowledge base answers confidently (or a crisis), answer it and return true, so the
   * caller asks its own question again.
   */
  protected async answerAside(dc: DialogContext, text: string): Promise<boolean> {
    // Only what reads as a question: a stray "11月3号" or "下一步" is not one to look up.
    if (!this.deps.commands.asksSomething(text) && !crisisSignal(text)) return false;
    const outcome = await this.deps.answerer.answer(dc.context, text, { quiet: true });
    if (outcome === 'crisis') {
      await this.deps.handoff.request(dc.context, 'crisis');
      return true;
    }
    return outcome === 'answered';
  }
}
