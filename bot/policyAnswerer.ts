/**
 * Answers a free-text message from the knowledge base, following ../shared/contracts.md §2:
 * crisis first (12356 and a person), requests outside the bot's field declined without a
 * citation, confident answers with the facts, the citation entity and up to three follow-ups,
 * and an honest "not sure" with the `handoff` action below the confidence threshold.
 */
import { ActionTypes, MessageFactory, type CardAction, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { Answerer, AnswerOutcome } from '../dialogs/dialogDeps.js';
import { handoffAction, menuActivity } from '../dialogs/menu.js';
import { walkthroughAction } from '../dialogs/answerFormat.js';
import { classify } from '../policies/engine/gates.js';
import { CONFIDENCE_THRESHOLD, detectRegion, type Retriever, type SearchHit } from '../policies/engine/retriever.js';
import { localRegions } from '../policies/engine/regions.js';
import { citationEntity } from '../policies/citation.js';
import { composeAnswer, regionFit } from '../policies/composeAnswer.js';
import type { Entry, Locale, Region } from '../policies/schema.js';
import { residualQuery } from '../policies/engine/residual.js';
import { turnLanguage, turnT } from './turnLocale.js';
import type { UserProfile } from './userProfile.js';
import type { Logger } from './logger.js';

export const MAX_FOLLOW_UPS = 3;
/** The rest of a question must match a second entry at least this well for it to be shown too. */
const SECOND_ANSWER_CONFIDENCE = 0.6;
/** A runner-up scoring at least this share of the top score counts as a tie. */
const TIE_SHARE = 0.9;

/** Decline reasons that get their own wording; anything else gets the general one. */
const DECLINE_REASONS = new Set(['personal_data', 'appeal', 'criminal_record', 'new_case', 'fraud', 'opinion', 'other_region']);

export function createPolicyAnswerer(deps: {
  retriever: Retriever;
  /** Every entry, so follow-ups can name related entries that did not come up in the search. */
  entries: Entry[];
  /** Whether a message reads as a question (see CommandMatcher.asksSomething). */
  asksSomething: (text: string) => boolean;
  profile: StatePropertyAccessor<UserProfile>;
  logger: Logger;
}): Answerer {
  const { retriever, profile, logger } = deps;
  const byId = new Map(deps.entries.map((e) => [e.id, e]));

  async function answer(context: TurnContext, text: string, opts: { quiet?: boolean } = {}): Promise<AnswerOutcome> {
    const t = turnT(context);
    const lng = turnLanguage(context);
    const gate = classify(text);
    if (gate.kind === 'crisis') {
      logger.warn({ conversationId: context.activity.conversation.id }, 'crisis signal: hotline given');
      await context.sendActivity(MessageFactory.suggestedActions([handoffAction(context)], t('crisis.message')));
      // The hotline comes first; if the message also asked a question we can answer, answer it
      // too ("失业金能领吗 我撑不下去了" still deserves the facts).
      if (!opts.quiet && deps.asksSomething(text)) await answerFromKnowledge(context, text, true);
      return 'crisis';
    }
    if (opts.quiet && gate.kind !== 'question') return gate.kind === 'out_of_scope' ? 'declined' : 'greeting';
    if (gate.kind === 'out_of_scope') {
      const key = DECLINE_REASONS.has(gate.reason ?? '') ? `decline.${gate.reason}` : 'decline.general';
      await context.sendActivity(MessageFactory.suggestedActions([handoffAction(context)], t(key)));
      return 'declined';
    }
    if (gate.kind === 'greeting') {
      await context.sendActivity(menuActivity(context, t('welcome.greeting')));
      return 'greeting';
    }

    return answerFromKnowledge(context, text, opts.quiet ?? false);
  }

  /** The knowledge-base answer; with `quiet`, nothing is sent when there is no confident one. */
  async function answerFromKnowledge(context: TurnContext, text: string, quiet: boolean): Promise<AnswerOutcome> {
    const t = turnT(context);
    const lng = turnLanguage(context);
    // A region named in the message is remembered: later questions rank its rules first.
    const stored = (await profile.get(context)) ?? {};
    const named = detectRegion(text);
    if (named && named !== stored.region) await profile.set(context, { ...stored, region: named });
    const userRegion = (named ?? stored.region) as Region | undefined;

    const hits = retriever.search(text, { locale: lng, region: userRegion, limit: 8 });
    const top = hits[0];
    if (!top || top.confidence < CONFIDENCE_THRESHOLD) {
      if (quiet) return 'not_sure';
      logger.info({ retriever: retriever.name, confidence: top?.confidence ?? 0 }, 'not confident: offered a person');
      await context.sendActivity(MessageFactory.suggestedActions([handoffAction(context)], t('answer.notSure')));
      return 'not_sure';
    }

    const shown = [top.entry, ...secondAnswer(text, hits, retriever, lng, userRegion)];
    const userRegions = userRegion ? localRegions(userRegion) : undefined;
    const body = shown
      .map((entry) => composeAnswer(entry, lng, t, regionFit(entry, userRegions), userRegion))
      .join('\n\n');
    // Programs with steps can be walked through one step at a time.
    const walk = top.entry.steps ? [walkthroughAction(context, top.entry, t('walkthrough.start'))] : [];
    const reply = MessageFactory.suggestedActions([...walk, ...followUps(shown, hits, byId, lng), handoffAction(context)], body);
    reply.entities = [citationEntity(shown)];
    await context.sendActivity(reply);
    return 'answered';
  }

  return { answer };
}

/**
 * A second entry, when the search cannot tell two entries apart, or when the question asks two
 * things: the words the first answer does not cover are searched again, and a confident hit on
 * another topic is shown too.
 */
function secondAnswer(
  text: string,
  hits: SearchHit[],
  retriever: Retriever,
  lng: Locale,
  region: Region | undefined,
): Entry[] {
  const [top, runnerUp] = hits;
  if (!top) return [];
  const first = top.entry;
  // Two entries nearly tied: rather than guess between them, show both.
  if (runnerUp && runnerUp.confidence >= CONFIDENCE_THRESHOLD && runnerUp.score >= top.score * TIE_SHARE) {
    return [runnerUp.entry];
  }
  const rest = residualQuery(text, first);
  // One leftover word is not a second question.
  if (rest.split(' ').length < 2) return [];
  const hit = retriever.search(rest, { locale: lng, region, limit: 1 })[0];
  // The leftover words alone can be generic ("where do I go"); the entry must also fit the whole question.
  const fitsWhole = hits.some((h) => h.entry.id === hit?.entry.id && h.confidence >= CONFIDENCE_THRESHOLD);
  const fits = hit && fitsWhole && hit.confidence >= SECOND_ANSWER_CONFIDENCE && hit.entry.topic !== first.topic;
  return fits ? [hit.entry] : [];
}

/** Up to three follow-up questions: related entries first, then other good hits. */
function followUps(
  shown: Entry[],
  hits: SearchHit[],
  byId: Map<string, Entry>,
  lng: 'zh-CN' | 'zh-TW' | 'en',
): CardAction[] {
  const seen = new Set(shown.map((e) => e.id));
  const candidates: Entry[] = [];
  for (const id of shown.flatMap((e) => e.related)) {
    const related = byId.get(id);
    if (related) candidates.push(related);
  }
  candidates.push(...hits.filter((h) => h.confidence >= CONFIDENCE_THRESHOLD * 0.8).map((h) => h.entry));
  const picked: CardAction[] = [];
  for (const entry of candidates) {
    if (picked.length >= MAX_FOLLOW_UPS || seen.has(entry.id)) continue;
    seen.add(entry.id);
    picked.push({ type: ActionTypes.ImBack, title: entry.title[lng], value: entry.title[lng] });
  }
  return picked;
}
