/**
 * The answer to one question the bot asked: the same reading as for a free message, plus the
 * short forms an answer may take ("62", "六十二", "有", "没有", "农村", "不知道").
 */
import { detectRegion } from '../../policies/engine/retriever.js';
import { FACTS } from '../../policies/schema.js';
import { checkDay, cstToday, findDay, findDurationMonths, isFuture, monthsBetween } from './dates.js';
import { read } from './extract.js';
import { numberSource, parseChineseNumber } from './numbers.js';
import { alternation, hasContent, prepare } from './text.js';
import type { Answer, FactName, Facts } from './types.js';
import { vocabulary } from './vocabulary.js';

/** An answer to one question is short; anything longer is not an answer (and is not read). */
const MAX_ANSWER = 500;

const NUMERIC: ReadonlySet<FactName> = new Set(['age', 'householdSize', 'monthlyIncomePerPerson', 'monthsSinceRelease']);
const BOOLEAN: ReadonlySet<string> = new Set(Object.entries(FACTS).flatMap(([name, kind]) => (kind === 'boolean' ? [name] : [])));

interface Compiled {
  skip: RegExp;
  no: RegExp;
  yes: RegExp;
  number: RegExp;
  vagueHigh: RegExp;
  vagueLow: RegExp;
  vague: RegExp;
  noIncome: RegExp;
}
let compiled: Compiled | undefined;

function compile(): Compiled {
  if (compiled) return compiled;
  const v = vocabulary();
  const start = (words: string[]) => new RegExp(`^(?:${alternation(words)})`, 'u');
  compiled = {
    skip: new RegExp(alternation([...v.skip.zh, ...v.skip.en]), 'u'),
    no: start(v.answers.no),
    yes: start(v.answers.yes),
    number: new RegExp(numberSource(), 'gu'),
    vagueHigh: new RegExp(alternation(v.vague.high), 'u'),
    vagueLow: new RegExp(alternation(v.vague.low), 'u'),
    vague: new RegExp(alternation([...v.vague.high, ...v.vague.low, ...v.vague.other]), 'u'),
    noIncome: start(v.income.noneAnswer),
  };
  return compiled;
}

const value = <T>(v: T): Answer<T> => ({ kind: 'value', value: v });

/** The single number in an answer ("62", "六十二岁吧", "4个"), or undefined when there is none or several. */
function loneNumber(prepared: string): number | undefined {
  const found = [...prepared.matchAll(compile().number)].map((m) => parseChineseNumber(m[0]));
  return found.length === 1 ? found[0] : undefined;
}

function ranged(n: number, [lo, hi]: [number, number]): Answer<Facts[FactName]> {
  return n >= lo && n <= hi ? value(n) : { kind: 'invalid', reason: 'out_of_range' };
}

/** The short forms of an answer to a numeric question. */
function numeric(fact: FactName, prepared: string, now: Date): Answer<Facts[FactName]> | undefined {
  const v = vocabulary();
  if (fact === 'monthsSinceRelease') {
    const duration = findDurationMonths(prepared);
    if (duration) return ranged(duration.months, v.monthsRange);
    const today = cstToday(now);
    const found = findDay(prepared, today);
    if (found) {
      const checked = checkDay(found, today);
      if ('invalid' in checked) return { kind: 'invalid', reason: checked.invalid };
      return isFuture(found, today) ? { kind: 'invalid', reason: 'future_date' } : value(monthsBetween(found, today));
    }
  }
  if (fact === 'monthlyIncomePerPerson' && compile().noIncome.test(prepared)) return value(0);
  const n = loneNumber(prepared);
  if (n === undefined) return undefined;
  switch (fact) {
    case 'age':
      return ranged(Math.floor(n), v.age.range);
    case 'householdSize':
      return Number.isInteger(n) ? ranged(n, v.household.range) : { kind: 'invalid', reason: 'not_a_number' };
    case 'monthlyIncomePerPerson':
      return ranged(Math.round(n), v.income.range);
    default:
      return ranged(Math.floor(n), v.monthsRange);
  }
}

/**
 * The answer to one specific question (the bot asked for `fact`). `value` when the text gives it
 * (also as a bare "62", "有"/"没有", "农村"); `skip` for 不知道/跳过/skip; `invalid` for an unusable
 * value (age 300, income "很多", a date in the future for months since release); `none` when the
 * text does not answer (empty, emoji, unrelated, over 500 characters). Never throws.
 */
export function parseAnswer(fact: FactName, text: string, now: Date): Answer<Facts[FactName]> {
  if (typeof text !== 'string' || text.length > MAX_ANSWER || !hasContent(text)) return { kind: 'none' };
  const prepared = prepare(text);
  const c = compile();
  const statedHere = read(prepared, now, fact);
  const stated = statedHere.facts[fact];
  if (stated !== undefined) return value(stated);
  const bad = statedHere.invalid.find((i) => i.fact === fact);
  if (bad) return { kind: 'invalid', reason: bad.reason };

  if (NUMERIC.has(fact)) {
    const answer = numeric(fact, prepared, now);
    if (answer) return answer;
  } else if (fact === 'releaseDate') {
    const today = cstToday(now);
    const found = findDay(prepared, today);
    if (found) {
      const checked = checkDay(found, today);
      return 'invalid' in checked ? { kind: 'invalid', reason: checked.invalid } : value(checked.date);
    }
  } else if (fact === 'region') {
    const region = detectRegion(prepared);
    if (region) return value(region);
  }
  if (c.skip.test(prepared)) return { kind: 'skip' };
  if (fact === 'lowIncome') {
    if (c.vagueHigh.test(prepared)) return value(false);
    if (c.vagueLow.test(prepared)) return value(true);
  }
  if (BOOLEAN.has(fact)) {
    if (c.no.test(prepared)) return value(false);
    if (c.yes.test(prepared)) return value(true);
  }
  if (NUMERIC.has(fact) && c.vague.test(prepared)) return { kind: 'invalid', reason: 'not_a_number' };
  return { kind: 'none' };
}
