/**
 * Text preparation and phrase matching for the fact parser.
 *
 * The search engine's `normalize` strips punctuation, which the parser needs ("1.5万", "11/3",
 * clause boundaries), so this module uses its building blocks (Traditional → Simplified,
 * full-width → half-width) and keeps punctuation; `normalize` itself decides whether a message has
 * any content at all.
 */
import { normalize, toHalfWidth, toSimplified } from '../../policies/engine/normalize.js';

/**
 * Longer messages are not read: a chat message stating facts is short, and a long paste (a policy
 * text, a forwarded article) mentions 农村户口 or 残疾 without being about the person. This also
 * bounds the work done per message.
 */
export const MAX_MESSAGE = 1500;

/** Simplified, half-width, lower case, apostrophes dropped, digit-group commas removed, spaces collapsed. */
export function prepare(text: string): string {
  return toSimplified(toHalfWidth(text.normalize('NFKC')))
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the text has a letter or digit after normalisation (not empty, not emoji only). */
export function hasContent(text: string): boolean {
  return normalize(text) !== '';
}

// Clause boundaries: punctuation, a full stop that is not a decimal point, and a space between two
// Han characters ("我62了 农村户口 没有劳动能力" is three clauses; "i am 45" stays one).
const CLAUSE_BREAK = /[,，。!！?？;；、:：()（）\n~～]+|(?<!\d)\.|\.(?!\d)|(?<=[\u3400-\u9fff]) +(?=[\u3400-\u9fff])/;

/** Splits prepared text into clauses (negation and subjects do not cross them). */
export function clauses(prepared: string): string[] {
  return prepared
    .split(CLAUSE_BREAK)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** Escapes a string for literal use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const LATIN = /^[\x20-\x7e]+$/;

/**
 * A regex alternation matching any of the words, longest first (so alternation is leftmost-longest).
 * Latin words only match whole words ("no" must not match inside "know").
 */
export function alternation(words: readonly string[]): string {
  const prepared = [...new Set(words.map(prepare).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (prepared.length === 0) return '(?!)';
  return `(?:${prepared.map((w) => (LATIN.test(w) ? `(?<![a-z0-9])${escapeRegExp(w)}(?![a-z0-9])` : escapeRegExp(w))).join('|')})`;
}

/** One phrase found in a clause. */
export interface PhraseHit<T> {
  start: number;
  end: number;
  tag: T;
}

/** Finds tagged phrases, leftmost-longest and non-overlapping, in one pass. */
export interface PhraseMatcher<T> {
  all(clause: string): Array<PhraseHit<T>>;
}

/** Builds a {@link PhraseMatcher}; a phrase listed twice keeps its first tag. */
export function phraseMatcher<T>(entries: ReadonlyArray<{ words: readonly string[]; tag: T }>): PhraseMatcher<T> {
  const tags = new Map<string, T>();
  for (const e of entries) for (const w of e.words) {
    const p = prepare(w);
    if (p && !tags.has(p)) tags.set(p, e.tag);
  }
  const re = new RegExp(alternation([...tags.keys()]), 'gu');
  return {
    all(clause) {
      const hits: Array<PhraseHit<T>> = [];
      for (const m of clause.matchAll(re)) {
        const tag = tags.get(m[0]);
        if (tag !== undefined) hits.push({ start: m.index, end: m.index + m[0].length, tag });
      }
      return hits;
    },
  };
}

