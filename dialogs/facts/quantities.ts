/**
 * Amounts stated in a clause: age ("62岁", "我62了", "今年45", "I'm 45"), household size
 * ("家里四口人", "一家三口", "family of 4") and monthly income ("每月1500", "一个月两千",
 * "年收入2万" → per month, "1500 a month"). The words around the numbers come from the vocabulary.
 */
import { numberSource, parseChineseNumber } from './numbers.js';
import { aboutSomeoneElse } from './signals.js';
import { alternation } from './text.js';
import type { FactName, Mention } from './types.js';
import { vocabulary } from './vocabulary.js';

/** An income mention; `total` when it is the whole household's (divided by the household size later). */
export interface QuantityMention extends Mention {
  total?: boolean;
}

interface Compiled {
  age: RegExp[];
  ageNotAfter: RegExp;
  ageOf: RegExp;
  household: RegExp[];
  income: RegExp[];
  incomeNotAfter: RegExp;
  incomeVague: RegExp;
  incomeTotal: RegExp;
  notNumbers: RegExp;
}
let compiled: Compiled | undefined;

function compile(): Compiled {
  if (compiled) return compiled;
  const v = vocabulary();
  const N = `(${numberSource()})`;
  const approx = `(?:${alternation(v.numbers.approx)})?`;
  const a = v.age;
  const h = v.household;
  const i = v.income;
  const han = Object.keys(v.numbers.digits).join('') + Object.keys(v.numbers.units).join('');
  const g = (s: string) => new RegExp(s, 'gu');
  const vague = alternation([...v.vague.high, ...v.vague.low, ...v.vague.other]);
  const trigger = `(?:(${alternation(i.period)})|(${alternation(i.yearly)})|${alternation(i.nouns)})`;
  compiled = {
    age: [
      g(`(?:${alternation(a.before)})\\s*${N}${approx}`),
      g(`${N}\\s*${approx}\\s*(?:${alternation(a.after)})`),
      g(`(?:${alternation(a.selfBefore)})(?:${alternation(a.selfFillers)})?\\s*${N}\\s*${approx}\\s*(?:${alternation(a.selfAfter)})`),
    ],
    ageNotAfter: new RegExp(`^\\s*(?:${alternation(a.notAfter)})`, 'u'),
    // "3岁的孩子": the age of someone mentioned after it.
    ageOf: new RegExp(`^的\\s*(?:${alternation(v.subjects.others)})`, 'u'),
    household: [
      g(`(?:${alternation(h.before)})\\s*${N}\\s*(?:${alternation(h.after)})`),
      g(`(?:${alternation(h.beforeOnly)})\\s*${N}`),
      g(`${N}\\s*(?:${alternation(h.strongAfter)})`),
    ],
    income: [
      // The filler between the trigger and the amount may not contain a number ("每月能拿1500").
      g(`${trigger}[^\\d${han},]{0,6}?${N}${approx}\\s*(?:${alternation(i.currency)})?`),
      g(`${N}${approx}\\s*(?:${alternation(i.currency)})?\\s*(?:(${alternation(i.period)})|(${alternation(i.yearly)}))`),
    ],
    incomeNotAfter: new RegExp(`^\\s*(?:${alternation(i.notAfter)})`, 'u'),
    incomeVague: new RegExp(`${trigger}[^\\d${han}]{0,4}?(?:${vague})`, 'u'),
    incomeTotal: new RegExp(alternation(i.household), 'u'),
    notNumbers: new RegExp(alternation(v.numbers.notNumbers), 'gu'),
  };
  return compiled;
}

/** Blanks out words like 一共 and 一直 (same length, so positions are kept) before looking for numbers. */
function mask(clause: string): string {
  return clause.replace(compile().notNumbers, (w) => '□'.repeat(w.length));
}

function inRange(fact: FactName, value: number, [lo, hi]: [number, number], at: number): QuantityMention {
  return value >= lo && value <= hi ? { fact, value, at } : { fact, invalid: 'out_of_range', at };
}

/** Ages stated in a clause (not someone else's: "孩子12岁" is skipped). */
export function ageMentions(raw: string, base: number): QuantityMention[] {
  const clause = mask(raw);
  const c = compile();
  const out: QuantityMention[] = [];
  for (const re of c.age) {
    for (const m of clause.matchAll(re)) {
      const after = clause.slice(m.index + m[0].length);
      if (c.ageNotAfter.test(after) || c.ageOf.test(after) || aboutSomeoneElse(clause.slice(0, m.index))) continue;
      const n = parseChineseNumber(m[1] ?? '');
      if (n !== undefined) out.push(inRange('age', Math.floor(n), vocabulary().age.range, base + m.index));
    }
  }
  return out;
}

/** Household sizes stated in a clause. */
export function householdMentions(raw: string, base: number): QuantityMention[] {
  const clause = mask(raw);
  const out: QuantityMention[] = [];
  for (const re of compile().household) {
    for (const m of clause.matchAll(re)) {
      const n = parseChineseNumber(m[1] ?? '');
      if (n !== undefined && Number.isInteger(n)) out.push(inRange('householdSize', n, vocabulary().household.range, base + m.index));
    }
  }
  return out;
}

/** Monthly incomes stated in a clause (yearly amounts divided by 12); vague ones ("收入很多") are invalid. */
export function incomeMentions(raw: string, base: number): QuantityMention[] {
  const clause = mask(raw);
  const c = compile();
  const out: QuantityMention[] = [];
  const total = c.incomeTotal.test(clause);
  const vague = c.incomeVague.exec(clause);
  if (vague) out.push({ fact: 'monthlyIncomePerPerson', invalid: 'not_a_number', at: base + vague.index });
  compile().income.forEach((re, which) => {
    for (const m of clause.matchAll(re)) {
      if (aboutSomeoneElse(clause.slice(0, m.index))) continue;
      if (c.incomeNotAfter.test(clause.slice(m.index + m[0].length))) continue;
      // Pattern 0 has the number in group 3 (after the trigger), pattern 1 in group 1.
      const yearly = which === 0 ? m[2] !== undefined : m[3] !== undefined;
      const n = parseChineseNumber((which === 0 ? m[3] : m[1]) ?? '');
      if (n === undefined) continue;
      const monthly = Math.round(yearly ? n / 12 : n);
      out.push({ ...inRange('monthlyIncomePerPerson', monthly, vocabulary().income.range, base + m.index), total });
    }
  });
  return out;
}
