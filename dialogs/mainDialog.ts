/**
 * The root dialog of every message turn that is not inside a guided conversation: a global
 * command, a menu choice, the start of a guided conversation, or a free-text question.
 */
import { WaterfallDialog, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { turnLanguage, turnT } from '../bot/turnLocale.js';
import { CONFIDENCE_THRESHOLD } from '../policies/engine/retriever.js';
import { InterruptibleDialog } from './interruptibleDialog.js';
import type { AnswerOutcome, DialogDeps } from './dialogDeps.js';
import { menuActivity } from './menu.js';
import { isWalkthroughValue } from './answerFormat.js';
import { EligibilityDialog, ELIGIBILITY_DIALOG } from './eligibilityDialog.js';
import { WalkthroughDialog, WALKTHROUGH_DIALOG, type WalkthroughOptions } from './walkthroughDialog.js';
import { CheckinDialog, CHECKIN_DIALOG } from './checkinDialog.js';
import { FamilyDialog, FAMILY_DIALOG } from './familyDialog.js';

export const MAIN_DIALOG = 'mainDialog';
const MAIN_WATERFALL = 'mainDialog.waterfall';
/** Misunderstood turns in a row before a person is brought in. */
export const MISUNDERSTOOD_LIMIT = 2;

export class MainDialog extends InterruptibleDialog {
  protected override readonly guided = false;

  constructor(deps: DialogDeps) {
    super(MAIN_DIALOG, deps);
    this.addDialog(new WaterfallDialog(MAIN_WATERFALL, [this.routeStep.bind(this)]));
    this.addDialog(new EligibilityDialog(deps));
    this.addDialog(new WalkthroughDialog(deps));
    this.addDialog(new CheckinDialog(deps));
    this.addDialog(new FamilyDialog(deps));
    this.initialDialogId = MAIN_WATERFALL;
  }

  /** Decides what the message is and starts or answers it. */
  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const value: unknown = context.activity.value;
    if (isWalkthroughValue(value)) return this.walkthrough(step, { entryId: value.entryId });
    const text = context.activity.text?.trim() ?? '';
    const { commands } = this.deps;
    // "继续", and the walkthrough's own "next/back/done" when no walkthrough is open, pick up a
    // saved one (days later, after a cancel or a restart).
    const moves = commands.is('resume', text) || commands.is('next', text) || commands.is('done', text);
    const back = commands.match(text)?.kind === 'back';
    if (!moves && !back && (await this.interrupt(step))) return step.endDialog();
    const t = turnT(context);
    if (text === '') {
      await context.sendActivity(menuActivity(context, t('input.empty')));
      return step.endDialog();
    }
    if (commands.is('skip', text) || commands.is('yes', text) || commands.is('no', text)) {
      // An answer to a question no longer open (after a cancel, or days later): not a question to look up.
      await context.sendActivity(menuActivity(context, t('input.nothingOpen')));
      return step.endDialog();
    }
    if (moves || back) {
      const saved = await this.deps.walkthrough.get(context);
      if (saved) return this.walkthrough(step, { entryId: saved.entryId, resume: true });
      await context.sendActivity(t('walkthrough.nothingToResume'));
      return step.endDialog();
    }
    switch (this.deps.matchMenu(text)) {
      case 'policy':
        await context.sendActivity(t('policy.ask'));
        return step.endDialog();
      case 'eligibility':
        return step.replaceDialog(ELIGIBILITY_DIALOG, {});
      case 'checkin':
        return step.replaceDialog(CHECKIN_DIALOG, {});
      case 'family':
        return step.replaceDialog(FAMILY_DIALOG, {});
      case 'handoff':
        await this.deps.handoff.request(context, 'requested');
        return step.endDialog();
      case undefined:
        break;
    }
    // A typed question that also asks for a guided conversation gets its answer first (when the
    // knowledge base has a confident one), then the guided conversation follows.
    const guided = commands.mentions('eligibilityIntent', text)
      ? ELIGIBILITY_DIALOG
      : commands.mentions('checkinIntent', text)
        ? CHECKIN_DIALOG
        : undefined;
    if (guided) {
      const outcome = await this.deps.answerer.answer(context, text, { quiet: true });
      if (outcome === 'crisis') {
        await this.afterAnswer(step, outcome);
        return step.endDialog();
      }
      return step.replaceDialog(guided, { text });
    }
    const program = commands.howToApply(text);
    if (program) {
      // The best confident match that has steps to walk through.
      const hits = this.deps.knowledge.retriever.search(program, { locale: turnLanguage(context), limit: 5 });
      const hit = hits.find((h) => h.confidence >= CONFIDENCE_THRESHOLD && h.entry.steps);
      if (hit) {
        const answered = (await this.deps.answerer.answer(context, text, { quiet: true })) === 'answered';
        return this.walkthrough(step, { entryId: hit.entry.id, brief: answered });
      }
    }
    await this.afterAnswer(step, await this.deps.answerer.answer(context, text));
    return step.endDialog();
  }

  private walkthrough(step: WaterfallStepContext, options: WalkthroughOptions): Promise<DialogTurnResult> {
    return step.replaceDialog(WALKTHROUGH_DIALOG, options);
  }

  /** Counts misunderstandings in a row; the second one, or a crisis, brings in a person. */
  private async afterAnswer(step: WaterfallStepContext, outcome: AnswerOutcome): Promise<void> {
    const { context } = step;
    if (outcome === 'crisis') {
      await this.deps.misunderstood.set(context, 0);
      await this.deps.handoff.request(context, 'crisis');
      return;
    }
    if (outcome !== 'not_sure') {
      await this.deps.misunderstood.set(context, 0);
      return;
    }
    const count = ((await this.deps.misunderstood.get(context)) ?? 0) + 1;
    if (count >= MISUNDERSTOOD_LIMIT) {
      await this.deps.misunderstood.set(context, 0);
      await context.sendActivity(turnT(context)('misunderstood.handoff'));
      await this.deps.handoff.request(context, 'misunderstood');
    } else {
      await this.deps.misunderstood.set(context, count);
    }
  }
}
