/**
 * "How do I apply": one program's steps one at a time, its documents as a checklist, where to go
 * and who decides. "下一步/上一步/我办完了这步" move through it; progress is kept in user state, so
 * after a cancel, a restart or a few days "继续" picks up at the same step.
 */
import { ActionTypes, MessageFactory, type CardAction } from 'botbuilder';
import {
  TextPrompt,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { turnLanguage, turnT } from '../bot/turnLocale.js';
import { citationEntity } from '../policies/citation.js';
import type { Entry } from '../policies/schema.js';
import type { DialogDeps, WalkthroughProgress } from './dialogDeps.js';
import { InterruptibleDialog } from './interruptibleDialog.js';
import { handoffAction } from './menu.js';
import { entryText } from './answerFormat.js';

export const WALKTHROUGH_DIALOG = 'walkthroughDialog';
const LOOP = 'walkthrough.loop';
const PROMPT = 'walkthrough.prompt';

export interface WalkthroughOptions {
  entryId: string;
  /** True when resuming saved progress ("继续"). */
  resume?: boolean;
  /** True when the full answer was just shown: the intro leaves out documents and places. */
  brief?: boolean;
}

export class WalkthroughDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(WALKTHROUGH_DIALOG, deps);
    this.addDialog(new TextPrompt(PROMPT));
    this.addDialog(new WaterfallDialog(LOOP, [this.showStep.bind(this), this.moveStep.bind(this)]));
    this.initialDialogId = LOOP;
  }

  override async onBeginDialog(innerDc: DialogContext, options?: WalkthroughOptions): Promise<DialogTurnResult> {
    const entry = options ? this.deps.knowledge.byId.get(options.entryId) : undefined;
    const t = turnT(innerDc.context);
    if (!entry) {
      await innerDc.context.sendActivity(t('walkthrough.notFound'));
      return innerDc.endDialog();
    }
    const lng = turnLanguage(innerDc.context);
    const steps = entry.steps?.[lng] ?? [];
    const saved = await this.deps.walkthrough.get(innerDc.context);
    const progress: WalkthroughProgress =
      saved?.entryId === entry.id ? saved : { entryId: entry.id, step: 0, done: [] };
    await this.deps.walkthrough.set(innerDc.context, progress);
    if (steps.length === 0) {
      // Nothing to step through: give the whole answer instead.
      const reply = MessageFactory.text(`${t('walkthrough.noSteps')}\n${entryText(innerDc.context, entry, await this.region(innerDc))}`);
      reply.entities = [citationEntity([entry])];
      await innerDc.context.sendActivity(reply);
      await this.deps.walkthrough.set(innerDc.context, undefined);
      return innerDc.endDialog();
    }
    const lines = [
      options?.resume
        ? t('walkthrough.resume', { title: entry.title[lng] })
        : t('walkthrough.intro', { title: entry.title[lng], total: steps.length }),
    ];
    const documents = entry.documents?.[lng] ?? [];
    const details = !options?.resume && !options?.brief;
    if (documents.length && details) lines.push(t('walkthrough.documents', { list: documents.map((d) => `☐ ${d}`).join('\n') }));
    if (entry.where && details) {
      lines.push(t('walkthrough.where', { where: entry.where.apply[lng] }));
      if (entry.where.decides) lines.push(t('walkthrough.decides', { who: entry.where.decides[lng] }));
    }
    const intro = MessageFactory.text(lines.join('\n'));
    intro.entities = [citationEntity([entry])];
    await innerDc.context.sendActivity(intro);
    return super.onBeginDialog(innerDc, options);
  }

  private async region(dc: DialogContext) {
    return (await this.deps.profile.get(dc.context))?.region as Entry['region'] | undefined;
  }

  private async current(dc: DialogContext): Promise<{ entry: Entry; progress: WalkthroughProgress; steps: string[] } | undefined> {
    const progress = await this.deps.walkthrough.get(dc.context);
    const entry = progress ? this.deps.knowledge.byId.get(progress.entryId) : undefined;
    if (!progress || !entry) return undefined;
    return { entry, progress, steps: entry.steps?.[turnLanguage(dc.context)] ?? [] };
  }

  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const now = await this.current(step);
    if (!now) return step.endDialog();
    const t = turnT(step.context);
    const { progress, steps } = now;
    const text = t('walkthrough.step', { index: progress.step + 1, total: steps.length, step: steps[progress.step] ?? '' });
    const actions: CardAction[] = (['next', 'back', 'done'] as const).map((k) => ({
      type: ActionTypes.ImBack,
      title: t(`walkthrough.actions.${k}`),
      value: t(`walkthrough.actions.${k}`),
    }));
    return step.prompt(PROMPT, { prompt: MessageFactory.suggestedActions([...actions, handoffAction(step.context)], text) });
  }

  private async moveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const now = await this.current(step);
    if (!now) return step.endDialog();
    const { progress, steps } = now;
    const text = String(step.result ?? '');
    const t = turnT(step.context);
    const done = this.deps.commands.is('done', text);
    if (done || this.deps.commands.is('next', text)) {
      if (done && !progress.done.includes(progress.step)) {
        progress.done.push(progress.step);
        await step.context.sendActivity(t('walkthrough.doneStep', { index: progress.step + 1 }));
      }
      progress.step += 1;
      if (progress.step >= steps.length) {
        await this.deps.walkthrough.set(step.context, undefined);
        await step.context.sendActivity(MessageFactory.suggestedActions([handoffAction(step.context)], t('walkthrough.finished')));
        return step.endDialog();
      }
      await this.deps.walkthrough.set(step.context, progress);
    } else {
      // Not a move: perhaps a question on the side; either way the same step is shown again.
      await this.answerAside(step, text);
    }
    return step.replaceDialog(LOOP);
  }

  protected override async onBack(innerDc: DialogContext): Promise<DialogTurnResult> {
    const now = await this.current(innerDc);
    if (now) {
      if (now.progress.step === 0) await innerDc.context.sendActivity(turnT(innerDc.context)('walkthrough.first'));
      now.progress.step = Math.max(0, now.progress.step - 1);
      await this.deps.walkthrough.set(innerDc.context, now.progress);
    }
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(LOOP);
  }
}
