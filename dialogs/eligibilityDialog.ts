/**
 * "What can I apply for": asks only for the facts that still decide something, takes several
 * facts from one message, accepts "skip", corrections and "back", then lists the programs the
 * person probably qualifies for (with the reasons from their facts), the ones they might qualify
 * for (with what would decide), and a way into each application — every program cited.
 */
import { MessageFactory, type CardAction } from 'botbuilder';
import {
  TextPrompt,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { turnLanguage, turnT } from '../bot/turnLocale.js';
import { citationEntity } from '../policies/citation.js';
import { assessAll, candidates, nextQuestion, type Assessment, type KnownFacts } from '../policies/eligibility.js';
import { localRegions } from '../policies/engine/regions.js';
import type { Condition, Region } from '../policies/schema.js';
import { componentState } from './componentState.js';
import type { DialogDeps } from './dialogDeps.js';
import { InterruptibleDialog } from './interruptibleDialog.js';
import { handoffAction } from './menu.js';
import { describeFact, factHint, factQuestion } from './factPrompts.js';
import { walkthroughAction } from './answerFormat.js';
import { extractFacts, factsSchema, parseAnswer, type FactName, type Facts } from './facts/index.js';

export const ELIGIBILITY_DIALOG = 'eligibilityDialog';
const LOOP = 'eligibility.loop';
const PROMPT = 'eligibility.prompt';
/** Enough to sort most people's options without an interrogation. */
const MAX_QUESTIONS = 8;
const MAX_LIKELY = 5;
const MAX_MAYBE = 3;

interface EligibilityState {
  facts: Facts;
  skipped: FactName[];
  /** Facts in the order they were asked, for "back". */
  asked: FactName[];
  current?: FactName;
  introduced: boolean;
  /** The message that started the wizard, mined for facts on the first turn. */
  pending?: string;
}

const checkedStates = new WeakSet<EligibilityState>();

export interface EligibilityOptions {
  text?: string;
}

export class EligibilityDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(ELIGIBILITY_DIALOG, deps);
    this.addDialog(new TextPrompt(PROMPT));
    this.addDialog(new WaterfallDialog(LOOP, [this.askStep.bind(this), this.collectStep.bind(this)]));
    this.initialDialogId = LOOP;
  }

  private state(dc: DialogContext, options?: EligibilityOptions): EligibilityState {
    const state = componentState<EligibilityState>(dc, () => ({
      facts: {},
      skipped: [],
      asked: [],
      introduced: false,
      ...(options?.text ? { pending: options.text } : {}),
    }));
    // State comes back from the database, possibly written by an older version: check it once
    // per turn (a new object each turn), and drop facts that no longer fit rather than reason from them.
    if (!checkedStates.has(state)) {
      checkedStates.add(state);
      if (!factsSchema.safeParse(state.facts).success) state.facts = {};
    }
    return state;
  }

  /** Takes what the message tells, then asks the next fact that matters, or shows the result. */
  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = this.state(step, step.options as EligibilityOptions | undefined);
    const t = turnT(step.context);
    let lead: string | undefined;
    if (!state.introduced) {
      state.introduced = true;
      lead = t('eligibility.intro');
    }
    if (state.pending) {
      const { noted } = this.absorb(step, state, state.pending);
      delete state.pending;
      if (noted) lead = lead ? `${lead}\n${noted}` : noted;
    }
    const fact = this.nextFact(state);
    if (!fact) {
      if (lead) await step.context.sendActivity(lead);
      await this.showResult(step, state);
      return step.endDialog();
    }
    state.current = fact;
    if (!state.asked.includes(fact)) state.asked.push(fact);
    return step.prompt(PROMPT, { prompt: factQuestion(step.context, fact, lead) });
  }

  /** Reads the answer: every fact the message states, then the asked one (or skip, or a hint). */
  private async collectStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = this.state(step);
    const text = String(step.result ?? '').slice(0, 2000);
    const asked = state.current;
    const before = asked ? state.facts[asked] : undefined;
    const { noted, invalid } = this.absorb(step, state, text);
    const say = async (message: string | undefined) => message && (await step.context.sendActivity(message));
    if (invalid) {
      // "I'm 300": say what was wrong with that fact and ask again, rather than guess.
      await say(noted);
      await say(factHint(step.context, invalid));
      return step.replaceDialog(LOOP);
    }
    if (!asked || state.facts[asked] !== before) {
      await say(noted);
      return step.replaceDialog(LOOP);
    }
    const answer = this.deps.commands.is('skip', text) ? ({ kind: 'skip' } as const) : parseAnswer(asked, text, this.deps.now());
    if (answer.kind === 'value') {
      (state.facts as Record<string, unknown>)[asked] = answer.value;
      await say(noted);
    } else if (answer.kind === 'skip') {
      state.skipped.push(asked);
      await say(turnT(step.context)('eligibility.skipped'));
    } else if (
      answer.kind === 'none' &&
      (!noted || this.deps.commands.asksSomething(text)) &&
      (await this.answerAside(step, text))
    ) {
      // A question in the middle, answered above; any facts it stated are kept quietly.
    } else {
      await say(noted);
      if (!noted) await say(factHint(step.context, asked));
    }
    return step.replaceDialog(LOOP);
  }

  /** "Back": forget the last answer and ask that question again. */
  protected override async onBack(innerDc: DialogContext): Promise<DialogTurnResult> {
    const state = this.state(innerDc);
    const current = state.current;
    const previous = state.asked[state.asked.indexOf(current ?? '' as FactName) - 1] ?? current;
    if (previous) {
      delete state.facts[previous];
      state.skipped = state.skipped.filter((f) => f !== previous);
      state.asked = state.asked.slice(0, state.asked.indexOf(previous));
    }
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(LOOP);
  }

  /**
   * Applies every fact a message states; returns the "noted … / changed to …" line, and the
   * first fact the message gave an impossible value for.
   */
  private absorb(
    dc: DialogContext,
    state: EligibilityState,
    text: string,
  ): { noted: string | undefined; invalid: FactName | undefined } {
    const { facts, invalid } = extractFacts(text, this.deps.now());
    const added: string[] = [];
    const changed: string[] = [];
    for (const [name, value] of Object.entries(facts) as Array<[FactName, Facts[FactName]]>) {
      if (value === undefined) continue;
      const old = state.facts[name];
      if (old === value) continue;
      (state.facts as Record<string, unknown>)[name] = value;
      state.skipped = state.skipped.filter((f) => f !== name);
      (old === undefined ? added : changed).push(describeFact(dc.context, name, value));
    }
    if (facts.region) void this.rememberRegion(dc, facts.region);
    const t = turnT(dc.context);
    const sep = turnLanguage(dc.context) === 'en' ? ', ' : '，';
    const lines = [];
    if (added.length) lines.push(t('eligibility.noted', { facts: added.join(sep) }));
    if (changed.length) lines.push(t('eligibility.corrected', { facts: changed.join(sep) }));
    return { noted: lines.length ? lines.join('\n') : undefined, invalid: invalid[0]?.fact };
  }

  private async rememberRegion(dc: DialogContext, region: Region): Promise<void> {
    const profile = (await this.deps.profile.get(dc.context)) ?? {};
    if (profile.region !== region) await this.deps.profile.set(dc.context, { ...profile, region });
  }

  private assessments(state: EligibilityState): Assessment[] {
    const regions = state.facts.region ? localRegions(state.facts.region) : undefined;
    return assessAll(candidates(this.deps.knowledge.entries, regions), state.facts as KnownFacts);
  }

  /** Region first (it decides which local rules count), then what decides the most programs. */
  private nextFact(state: EligibilityState): FactName | undefined {
    if (state.asked.length >= MAX_QUESTIONS) return undefined;
    const skip = new Set<FactName>(state.skipped);
    if (state.facts.region === undefined && !skip.has('region')) return 'region';
    return nextQuestion(this.assessments(state), skip);
  }

  private async showResult(dc: DialogContext, state: EligibilityState): Promise<void> {
    const t = turnT(dc.context);
    const lng = turnLanguage(dc.context);
    const all = this.assessments(state);
    const likely = all.filter((a) => a.verdict === 'likely').slice(0, MAX_LIKELY);
    const maybe = all.filter((a) => a.verdict === 'maybe').slice(0, MAX_MAYBE);
    if (likely.length + maybe.length === 0) {
      await dc.context.sendActivity(MessageFactory.suggestedActions([handoffAction(dc.context)], t('eligibility.none')));
      return;
    }
    const sep = lng === 'en' ? '; ' : '；';
    const reason = (c: Condition) => describeCondition(dc, c);
    const line = (a: Assessment, i: number) => {
      const vars = { index: i + 1, title: a.entry.title[lng], region: t(`regions.${a.entry.region}`) };
      return a.met.length > 0
        ? t('eligibility.item', { ...vars, reasons: a.met.map(reason).join(sep) })
        : t('eligibility.itemNoReason', vars);
    };
    const lines: string[] = [];
    if (likely.length) lines.push(t('eligibility.likelyHeading'), ...likely.map(line));
    if (maybe.length) {
      lines.push(t('eligibility.maybeHeading'));
      maybe.forEach((a, i) => {
        lines.push(line(a, likely.length + i));
        lines.push(t('eligibility.decidedBy', { facts: a.open.map((f) => t(`facts.name.${f}`)).join(sep) }));
        if (a.entry.eligibility?.note) lines.push(`    ${a.entry.eligibility.note[lng]}`);
      });
    }
    if (!state.facts.region) lines.push(t('eligibility.regionNote'));
    lines.push(t('eligibility.next'));
    const shown = [...likely, ...maybe];
    const actions: CardAction[] = shown.slice(0, 3).map((a) => walkthroughAction(dc.context, a.entry));
    const reply = MessageFactory.suggestedActions([...actions, handoffAction(dc.context)], lines.join('\n'));
    reply.entities = [citationEntity(shown.map((a) => a.entry))];
    await dc.context.sendActivity(reply);
  }
}

/** A satisfied condition as a reason in the person's language ("62岁以上", "rural registration"). */
function describeCondition(dc: DialogContext, c: Condition): string {
  const t = turnT(dc.context);
  if (typeof c.value === 'boolean') return t(`facts.reason.${c.fact}.${c.op === 'ne' ? !c.value : c.value}`);
  if (typeof c.value === 'number') return t(`facts.reason.${c.fact}.${c.op}`, { value: c.value });
  if (typeof c.value === 'string') return t(`facts.reason.${c.fact}.${c.value}`);
  return t(`facts.name.${c.fact}`);
}
