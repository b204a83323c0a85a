/**
 * The family path: picking the person up, what the family can do, help for children, and how to
 * reach the caseworker — answered from the entries written for families, local rules first.
 */
import { ActionTypes, MessageFactory, type CardAction } from 'botbuilder';
import { TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnLanguage, turnT } from '../bot/turnLocale.js';
import { foldCommandText } from '../bot/commands.js';
import { LANGUAGES, translator } from '../bot/i18n.js';
import { citationEntity } from '../policies/citation.js';
import { CONFIDENCE_THRESHOLD } from '../policies/engine/retriever.js';
import type { Entry, Region } from '../policies/schema.js';
import type { DialogDeps } from './dialogDeps.js';
import { InterruptibleDialog } from './interruptibleDialog.js';
import { handoffAction } from './menu.js';
import { entryText } from './answerFormat.js';

export const FAMILY_DIALOG = 'familyDialog';
const FLOW = 'family.flow';
const PROMPT = 'family.prompt';

export const FAMILY_TOPICS = ['pickup', 'role', 'children', 'caseworker'] as const;
type FamilyTopic = (typeof FAMILY_TOPICS)[number];

/** Knowledge-base topics that answer each family topic (entry topics, not user-facing). */
const ENTRY_TOPICS: Record<FamilyTopic, string[]> = {
  pickup: ['pickup'],
  role: ['family_support'],
  children: ['education_aid', 'family_support'],
  caseworker: ['visits', 'checkin', 'overview'],
};

export class FamilyDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(FAMILY_DIALOG, deps);
    this.addDialog(new TextPrompt(PROMPT));
    this.addDialog(new WaterfallDialog(FLOW, [this.chooseStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async chooseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const t = turnT(step.context);
    const actions: CardAction[] = FAMILY_TOPICS.map((k) => ({
      type: ActionTypes.ImBack,
      title: t(`family.topics.${k}`),
      value: t(`family.topics.${k}`),
    }));
    return step.prompt(PROMPT, { prompt: MessageFactory.suggestedActions(actions, t('family.intro')) });
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = String(step.result ?? '');
    const topic = this.topicOf(text);
    if (!topic) {
      // Not one of the choices: take it as a question of its own.
      await this.deps.answerer.answer(step.context, text);
      return step.endDialog();
    }
    const t = turnT(step.context);
    const region = (await this.deps.profile.get(step.context))?.region as Region | undefined;
    const entries = this.entriesFor(step, topic, region);
    if (entries.length === 0) {
      await step.context.sendActivity(MessageFactory.suggestedActions([handoffAction(step.context)], t('family.notFound')));
      return step.endDialog();
    }
    const reply = MessageFactory.suggestedActions(
      [handoffAction(step.context)],
      entries.map((e) => entryText(step.context, e, region)).join('\n\n'),
    );
    reply.entities = [citationEntity(entries)];
    await step.context.sendActivity(reply);
    return step.endDialog();
  }

  /** A topic chosen by its label in any language. */
  private topicOf(text: string): FamilyTopic | undefined {
    const folded = foldCommandText(text);
    return FAMILY_TOPICS.find((k) =>
      LANGUAGES.some((lng) => foldCommandText(translator(this.deps.i18n, lng)(`family.topics.${k}`)) === folded),
    );
  }

  /**
   * Up to two entries for families on the topic: ranked by the search for the topic's label
   * (local rules first), keeping only those written for family members.
   */
  private entriesFor(step: WaterfallStepContext, topic: FamilyTopic, region: Region | undefined): Entry[] {
    const lng = turnLanguage(step.context);
    const label = turnT(step.context)(`family.topics.${topic}`);
    const hits = this.deps.knowledge.retriever.search(label, { locale: lng, region, limit: 20 });
    const fits = (e: Entry) => e.audience.includes('family') && ENTRY_TOPICS[topic].includes(e.topic);
    const ranked = hits.filter((h) => fits(h.entry) && h.confidence >= CONFIDENCE_THRESHOLD / 2).map((h) => h.entry);
    if (ranked.length > 0) return ranked.slice(0, 2);
    return this.deps.knowledge.entries.filter(fits).slice(0, 1);
  }
}
