/**
 * Who probably qualifies for what: the knowledge base's structured eligibility conditions,
 * evaluated against the facts a person has told us. A condition on a fact we do not know is
 * "open"; an entry with no false condition but some open ones is a "maybe", and the open facts
 * are what would decide it.
 */
import type { Condition, Entry, FactName, Region } from './schema.js';

/** The facts known so far (any may be missing). Values as in schema.ts's FACTS. */
export type KnownFacts = Partial<Record<FactName, number | string | boolean>>;

export type Verdict = 'likely' | 'maybe' | 'no';

export interface Assessment {
  entry: Entry;
  verdict: Verdict;
  /** Conditions the person's facts satisfy: the reasons to show. */
  met: Condition[];
  /** Facts still unknown that the entry depends on: what would decide it. */
  open: FactName[];
}

/** true / false, or undefined when the fact is unknown. */
export function evaluateCondition(c: Condition, facts: KnownFacts): boolean | undefined {
  const actual = facts[c.fact];
  if (actual === undefined) return undefined;
  const v = c.value;
  switch (c.op) {
    case 'eq':
      return actual === v;
    case 'ne':
      return actual !== v;
    case 'gte':
      return typeof actual === 'number' && typeof v === 'number' ? actual >= v : false;
    case 'lte':
      return typeof actual === 'number' && typeof v === 'number' ? actual <= v : false;
    case 'gt':
      return typeof actual === 'number' && typeof v === 'number' ? actual > v : false;
    case 'lt':
      return typeof actual === 'number' && typeof v === 'number' ? actual < v : false;
    case 'in':
      return Array.isArray(v) ? v.includes(String(actual)) : false;
  }
}

/** Assesses one entry; undefined for entries without eligibility conditions. */
export function assess(entry: Entry, facts: KnownFacts): Assessment | undefined {
  const rules = entry.eligibility;
  if (!rules || (rules.all.length === 0 && rules.any.length === 0)) return undefined;
  const met: Condition[] = [];
  const open = new Set<FactName>();
  let failed = false;
  for (const c of rules.all) {
    const r = evaluateCondition(c, facts);
    if (r === true) met.push(c);
    else if (r === false) failed = true;
    else open.add(c.fact);
  }
  if (rules.any.length > 0) {
    const results = rules.any.map((c) => evaluateCondition(c, facts));
    const hit = rules.any.find((_, i) => results[i] === true);
    if (hit) met.push(hit);
    else if (results.every((r) => r === false)) failed = true;
    else rules.any.forEach((c, i) => results[i] === undefined && open.add(c.fact));
  }
  const verdict: Verdict = failed ? 'no' : open.size > 0 ? 'maybe' : 'likely';
  return { entry, verdict, met, open: [...open] };
}

/**
 * The programs to consider for a person: current entries with conditions, for the whole country
 * and for the regions local to them (all regions while theirs is unknown).
 */
export function candidates(entries: Entry[], localRegions: Region[] | undefined): Entry[] {
  return entries.filter(
    (e) =>
      e.status === 'current' &&
      e.eligibility !== undefined &&
      (e.region === 'national' || !localRegions || localRegions.includes(e.region)),
  );
}

/** Assesses every candidate; likely first, then maybe (fewest open facts first). */
export function assessAll(entries: Entry[], facts: KnownFacts): Assessment[] {
  const order: Record<Verdict, number> = { likely: 0, maybe: 1, no: 2 };
  return entries
    .map((e) => assess(e, facts))
    .filter((a): a is Assessment => a !== undefined)
    .sort((a, b) => order[a.verdict] - order[b.verdict] || a.open.length - b.open.length || b.met.length - a.met.length);
}

/**
 * The unknown fact that decides the most still-open programs, or undefined when nothing more
 * would change the result. `skip` lists facts the person chose not to answer.
 */
export function nextQuestion(assessments: Assessment[], skip: ReadonlySet<string>): FactName | undefined {
  const weight = new Map<FactName, number>();
  for (const a of assessments) {
    if (a.verdict !== 'maybe') continue;
    for (const f of a.open) if (!skip.has(f)) weight.set(f, (weight.get(f) ?? 0) + 1);
  }
  let best: FactName | undefined;
  for (const [f, w] of weight) if (best === undefined || w > (weight.get(best) ?? 0)) best = f;
  return best;
}
