/**
 * Check-in (报到): from the release date however it is written, the last day to report, where to
 * go and what to bring, what reporting late costs under the local rule, and an offer of a
 * reminder (kept for the notifier).
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
import { localRegions } from '../policies/engine/regions.js';
import type { Entry, Region } from '../policies/schema.js';
import { componentState } from './componentState.js';
import type { DialogDeps } from './dialogDeps.js';
import { InterruptibleDialog } from './interruptibleDialog.js';
import { handoffAction } from './menu.js';
import { factHint } from './factPrompts.js';
import { parseDate } from './facts/index.js';

export const CHECKIN_DIALOG = 'checkinDialog';
const LOOP = 'checkin.loop';
const DATE_PROMPT = 'checkin.date';
const REMINDER_PROMPT = 'checkin.reminder';

/** Days from release within which to report (荣昌府发〔2015〕20号 三、(三), entry rc-checkin). */
export const REPORT_WITHIN_DAYS = 30;
/** The entries the check-in answer rests on. */
const CHECKIN_ENTRY = 'rc-checkin';
const LATE_COST_ENTRY = 'rc-subsidy-late-checkin';
const DAY_MS = 86_400_000;

interface CheckinState {
  pending?: string;
  deadline?: string;
}

export interface CheckinOptions {
  text?: string;
}

/** Today's date where the user lives (China Standard Time), as yyyy-mm-dd. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export class CheckinDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(CHECKIN_DIALOG, deps);
    this.addDialog(new TextPrompt(DATE_PROMPT));
    this.addDialog(new TextPrompt(REMINDER_PROMPT));
    this.addDialog(
      new WaterfallDialog(LOOP, [this.askDateStep.bind(this), this.explainStep.bind(this), this.reminderStep.bind(this)]),
    );
    this.initialDialogId = LOOP;
  }

  private state(dc: DialogContext, options?: CheckinOptions): CheckinState {
    return componentState<CheckinState>(dc, () => (options?.text ? { pending: options.text } : {}));
  }

  private async askDateStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = this.state(step, step.options as CheckinOptions | undefined);
    if (state.pending) {
      const text = state.pending;
      delete state.pending;
      if (parseDate(text, this.deps.now())) return step.next(text);
    }
    return step.prompt(DATE_PROMPT, { prompt: turnT(step.context)('checkin.askDate') });
  }

  /** Works out the deadline and tells everything the person needs for reporting. */
  private async explainStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = String(step.result ?? '').slice(0, 500);
    const t = turnT(step.context);
    const parsed = parseDate(text, this.deps.now());
    if (!parsed || 'invalid' in parsed) {
      if (!parsed && (await this.answerAside(step, text))) return step.replaceDialog(LOOP);
      await step.context.sendActivity(factHint(step.context, 'releaseDate'));
      return step.replaceDialog(LOOP);
    }
    const lng = turnLanguage(step.context);
    const release = parsed.date;
    const deadline = addDays(release, REPORT_WITHIN_DAYS);
    const today = chinaToday(this.deps.now());
    const left = daysBetween(today, deadline);
    const lines: string[] = [];
    if (release > today) lines.push(t('checkin.future', { release, deadline }));
    else if (left > 0) lines.push(t('checkin.deadline', { release, deadline, days: left }));
    else if (left === 0) lines.push(t('checkin.deadlineToday', { release, deadline }));
    else lines.push(t('checkin.overdue', { release, deadline, days: -left }));

    const region = (await this.deps.profile.get(step.context))?.region as Region | undefined;
    const checkin = this.localCheckinEntry(region);
    const late = this.deps.knowledge.byId.get(LATE_COST_ENTRY);
    const sep = lng === 'en' ? '; ' : '；';
    if (checkin?.where) lines.push(t('checkin.where', { where: checkin.where.apply[lng] }));
    const documents = checkin?.documents?.[lng] ?? [];
    if (documents.length) lines.push(t('checkin.bring', { documents: documents.join(sep) }));
    if (late) lines.push(t('checkin.lateCost', { region: t(`regions.${late.region}`), cost: late.answer[lng] }));
    // The 30 days come from the Rongchang rule: say so to anyone elsewhere.
    const rule = this.deps.knowledge.byId.get(CHECKIN_ENTRY);
    if (rule && (!region || !localRegions(region).includes(rule.region))) lines.push(t('checkin.ruleNote'));
    const cited = [checkin, late].filter((e): e is Entry => e !== undefined);
    const reply = MessageFactory.text(lines.join('\n'));
    reply.entities = [citationEntity(cited)];
    await step.context.sendActivity(reply);

    if (left < 0) return step.endDialog();
    this.state(step).deadline = deadline;
    const actions: CardAction[] = [t('checkin.reminderYes'), t('checkin.reminderNo')].map((title) => ({
      type: ActionTypes.ImBack,
      title,
      value: title,
    }));
    return step.prompt(REMINDER_PROMPT, { prompt: MessageFactory.suggestedActions(actions, t('checkin.offerReminder')) });
  }

  private async reminderStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const t = turnT(step.context);
    const deadline = this.state(step).deadline ?? '';
    const text = String(step.result ?? '');
    if (this.deps.commands.is('yes', text)) {
      await this.deps.reminders.requestCheckinReminder(step.context, deadline);
      await step.context.sendActivity(MessageFactory.suggestedActions([handoffAction(step.context)], t('checkin.reminderSaved', { deadline })));
    } else if (this.deps.commands.is('no', text)) {
      await step.context.sendActivity(t('checkin.reminderDeclined', { deadline }));
    } else if (!(await this.answerAside(step, text))) {
      await step.context.sendActivity(t('checkin.reminderDeclined', { deadline }));
    }
    return step.endDialog();
  }

  /** The check-in entry of the user's region when there is one, else the Rongchang rule. */
  private localCheckinEntry(region: Region | undefined): Entry | undefined {
    const local = region ? localRegions(region) : [];
    const entries = this.deps.knowledge.entries.filter((e) => e.topic === 'checkin' && e.status === 'current');
    return entries.find((e) => local.includes(e.region) && e.where) ?? this.deps.knowledge.byId.get(CHECKIN_ENTRY);
  }
}
