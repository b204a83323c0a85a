/**
 * Reading every fact a message states: the message is split into clauses, each clause is read by
 * the signal, amount, release-date and region readers, and for each fact the last mention wins
 * (so "我是农村户口，不对，是城镇户口" ends up urban).
 */
import { detectRegion } from '../../policies/engine/retriever.js';
import { checkDay, cstToday, findDay, findDurationMonths, isFuture, monthsBetween } from './dates.js';
import { ageMentions, householdMentions, incomeMentions, type QuantityMention } from './quantities.js';
import { signalMentions, type SignalMention } from './signals.js';
import { alternation, clauses, hasContent, MAX_MESSAGE, prepare } from './text.js';
import type { Extraction, FactName, Facts, Mention } from './types.js';
import { vocabulary } from './vocabulary.js';

const CLAUSE_STRIDE = 100_000;
/** A duration this close after a release word is the time since release ("出来快三个月了"). */
const DURATION_GAP = 4;

let releaseRe: RegExp | undefined;
function releaseWord(): RegExp {
  const r = vocabulary().release;
  releaseRe ??= new RegExp(alternation([...r.zh, ...r.en]), 'u');
  return releaseRe;
}

/** Release date and time since release, when the clause talks about release ("上个月5号出来的"). */
function releaseMentions(clause: string, base: number, now: Date): Mention[] {
  const word = releaseWord().exec(clause);
  if (!word) return [];
  const at = base + word.index;
  const duration = findDurationMonths(clause.slice(word.index + word[0].length));
  if (duration && duration.index <= DURATION_GAP) return [{ fact: 'monthsSinceRelease', value: duration.months, at }];
  const today = cstToday(now);
  const found = findDay(clause, today);
  if (!found) return [];
  const checked = checkDay(found, today);
  if ('invalid' in checked) return [{ fact: 'releaseDate', invalid: checked.invalid, at }];
  const out: Mention[] = [{ fact: 'releaseDate', value: checked.date, at }];
  // A future date is a release still to come: the date is useful, months since release is not yet.
  if (!isFuture(found, today)) out.push({ fact: 'monthsSinceRelease', value: monthsBetween(found, today), at });
  return out;
}

type AnyMention = Mention & Partial<Pick<SignalMention, 'needs' | 'negatedOnly'>> & Pick<QuantityMention, 'total'>;

/** Every mention in prepared text, in message order. */
function mentions(prepared: string, now: Date): AnyMention[] {
  const out: AnyMention[] = [];
  clauses(prepared).forEach((clause, i) => {
    const base = i * CLAUSE_STRIDE;
    out.push(...signalMentions(clause, base), ...ageMentions(clause, base), ...householdMentions(clause, base));
    out.push(...incomeMentions(clause, base), ...releaseMentions(clause, base, now));
    const region = detectRegion(clause);
    if (region) out.push({ fact: 'region', value: region, at: base });
  });
  return out.sort((a, b) => a.at - b.at);
}

/**
 * Reads prepared text. `answering` names the fact the bot just asked about: context words a bare
 * word would otherwise need ("农村" without "户口") are then implied by the question.
 */
export function read(prepared: string, now: Date, answering?: FactName): Extraction {
  const all = mentions(prepared, now);
  const negatedFacts = new Set(all.filter((m) => m.negatedOnly).map((m) => m.fact));
  const last = new Map<FactName, AnyMention>();
  for (const m of all) {
    if (m.negatedOnly) continue;
    // "不是农村的，是城里的": a negated mention of the same fact supplies the missing context.
    if (m.needs && answering !== m.fact && !m.needs.test(prepared) && !negatedFacts.has(m.fact)) continue;
    last.set(m.fact, m);
  }
  const facts: Facts = {};
  const invalid: Extraction['invalid'] = [];
  const size = last.get('householdSize')?.value;
  for (const [fact, m] of last) {
    if (m.invalid) {
      invalid.push({ fact, reason: m.invalid });
      continue;
    }
    let value = m.value;
    if (m.total && typeof value === 'number') {
      // A household total only gives the per-person amount when the household size is known.
      if (typeof size !== 'number') continue;
      value = Math.round(value / size);
    }
    Object.assign(facts, { [fact]: value });
  }
  return { facts, invalid };
}

/**
 * Every fact a free-text message states, in Simplified or Traditional Chinese or English.
 * Conservative: a fact is only set when the wording clearly states it; later mentions win.
 * Empty, emoji-only and over-long messages (> 1500 characters) give no facts. Never throws.
 */
export function extractFacts(text: string, now: Date): Extraction {
  if (typeof text !== 'string' || text.length > MAX_MESSAGE || !hasContent(text)) return { facts: {}, invalid: [] };
  return read(prepare(text), now);
}
