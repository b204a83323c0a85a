/**
 * How a guided conversation asks for one fact: the question, the quick replies that fit it, and
 * the hint shown when an answer could not be used.
 */
import { ActionTypes, MessageFactory, type Activity, type CardAction, type TurnContext } from 'botbuilder';
import { turnT } from '../bot/turnLocale.js';
import type { FactName } from './facts/index.js';

const NUMBER_FACTS = new Set<FactName>(['age', 'householdSize', 'monthsSinceRelease', 'monthlyIncomePerPerson']);

/** Quick replies for a fact: yes/no, the two kinds of household registration, etc., and skip. */
function choices(context: TurnContext, fact: FactName): string[] {
  const t = turnT(context);
  const c = (k: string) => t(`facts.choice.${k}`);
  if (fact === 'hukou') return [c('urban'), c('rural'), c('skip')];
  if (fact === 'releaseKind') return [c('prison'), c('correction'), c('skip')];
  if (fact === 'region' || NUMBER_FACTS.has(fact) || fact === 'releaseDate') return [c('skip')];
  return [c('yes'), c('no'), c('skip')];
}

/** The question for `fact`, with its quick replies. */
export function factQuestion(context: TurnContext, fact: FactName, lead?: string): Partial<Activity> {
  const text = turnT(context)(`facts.question.${fact}`);
  const actions: CardAction[] = choices(context, fact).map((title) => ({ type: ActionTypes.ImBack, title, value: title }));
  return MessageFactory.suggestedActions(actions, lead ? `${lead}\n${text}` : text);
}

/** The hint for an answer to `fact` that could not be used. */
export function factHint(context: TurnContext, fact: FactName): string {
  const t = turnT(context);
  if (fact === 'age') return t('facts.hint.age');
  if (NUMBER_FACTS.has(fact)) return t('facts.hint.number');
  if (fact === 'hukou' || fact === 'releaseKind' || fact === 'region') return t(`facts.hint.${fact}`);
  if (fact === 'releaseDate') return t('facts.hint.date');
  return t('facts.hint.yesno');
}

/** A fact and its value, the way the person would say it ("62岁以上" style phrases reuse the reasons). */
export function describeFact(context: TurnContext, fact: FactName, value: unknown): string {
  const t = turnT(context);
  if (typeof value === 'boolean') return t(`facts.reason.${fact}.${value}`);
  if (fact === 'hukou' || fact === 'releaseKind') return t(`facts.reason.${fact}.${String(value)}`);
  if (fact === 'region') return t(`regions.${String(value)}`);
  return `${t(`facts.name.${fact}`)} ${String(value)}`;
}
