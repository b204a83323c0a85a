/**
 * Statements that set facts by wording ("没有劳动能力", "农村户口", "想开店"), with negation
 * ("没找到工作"), question forms ("有没有残疾证" states nothing) and the subject of the clause
 * ("我老婆有工作" is not about the person) taken into account. The phrases live in the vocabulary.
 */
import type { FactName, Facts, Mention } from './types.js';
import { alternation, phraseMatcher, type PhraseMatcher } from './text.js';
import { vocabulary, type Signal } from './vocabulary.js';

/** A mention from a signal; `needs` ones count only with a context word, `negatedOnly` ones carry no value. */
export interface SignalMention extends Mention {
  needs?: RegExp;
  negatedOnly: boolean;
}

type Tag = { signal: Signal } | { ignore: true };

interface Compiled {
  matcher: PhraseMatcher<Tag>;
  negated: RegExp;
  question: RegExp;
  subjects: PhraseMatcher<'self' | 'other'>;
  personal: Set<FactName>;
  needs: Map<Signal, RegExp>;
}
let compiled: Compiled | undefined;

function compile(): Compiled {
  if (compiled) return compiled;
  const v = vocabulary();
  const entries: Array<{ words: string[]; tag: Tag }> = [
    { words: v.ignore, tag: { ignore: true } },
    ...v.signals.map((signal) => ({ words: [...signal.zh, ...signal.en], tag: { signal } })),
  ];
  const zh = alternation(v.negation.zh);
  const en = alternation(v.negation.en);
  compiled = {
    matcher: phraseMatcher(entries),
    // A negator right before the phrase, allowing one filler ("不太能干活") or one English word ("not really working").
    negated: new RegExp(`(?:${zh}(?:${alternation(v.negation.fillers)})?|${en} (?:[a-z]+ )?)\\s*$`, 'u'),
    question: new RegExp(alternation(v.questionForms), 'u'),
    subjects: phraseMatcher([
      { words: v.subjects.self, tag: 'self' as const },
      { words: v.subjects.others, tag: 'other' as const },
    ]),
    personal: new Set(v.subjects.personal),
    needs: new Map(v.signals.flatMap((s) => (s.needs ? [[s, new RegExp(alternation(s.needs), 'u')] as const] : []))),
  };
  return compiled;
}

/** Whether the clause so far is about someone other than the person ("我老婆…", "孩子…"). */
export function aboutSomeoneElse(before: string): boolean {
  const hits = compile().subjects.all(before);
  return hits.at(-1)?.tag === 'other';
}

/** Every signal mention in one prepared clause; `base` orders clauses within the message. */
export function signalMentions(clause: string, base: number): SignalMention[] {
  const c = compile();
  const out: SignalMention[] = [];
  for (const hit of c.matcher.all(clause)) {
    if (!('signal' in hit.tag)) continue;
    const { signal } = hit.tag;
    const before = clause.slice(0, hit.start);
    // Up to the phrase's end: in "有没有残疾证" the phrase "有残疾证" overlaps the question form.
    if (c.question.test(clause.slice(0, hit.end))) continue;
    const negated = c.negated.test(before);
    const other = aboutSomeoneElse(before);
    const needs = c.needs.get(signal);
    const at = base + hit.start;
    const stated: Facts | undefined = negated ? signal.negated : signal.facts;
    if (negated) {
      // Remember the negated fact even without a value: "不是农村的，是城里的" needs it.
      for (const fact of Object.keys(signal.facts) as FactName[]) out.push({ fact, at, needs, negatedOnly: true });
    }
    for (const [fact, value] of Object.entries(stated ?? {}) as Array<[FactName, Facts[FactName]]>) {
      if (other && c.personal.has(fact)) continue;
      out.push({ fact, value, at, needs, negatedOnly: false });
    }
  }
  return out;
}
