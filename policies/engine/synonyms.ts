/**
 * The synonym and colloquial layer (policies/lexicon/synonyms.yaml).
 *
 * People write 放出来 or "got out"; the documents say 刑满释放. Expansion finds every `from`
 * phrase in the normalised query and adds that group's `to` terms at a lower weight. It never
 * removes what the user typed: the literal words keep full weight, so a precise question is not
 * diluted by its expansions.
 */
import { z } from 'zod';
import { escapeRegExp, loadLexicon, wordList } from './lexicon.js';
import { normalize } from './normalize.js';

const synonymsSchema = z.object({
  defaultWeight: z.number().min(0).max(1).default(0.5),
  groups: z.array(z.object({ to: wordList, from: wordList, weight: z.number().min(0).max(1).optional() })),
});

/** A document term added to the query, with the weight its tokens get (0..1). */
export interface Expansion {
  term: string;
  weight: number;
  /** The phrase the user typed that triggered it. */
  trigger: string;
}

interface Compiled {
  han: Array<{ phrase: string; to: string[]; weight: number }>;
  latin: RegExp;
  latinTargets: Map<string, Array<{ to: string[]; weight: number }>>;
}

let compiled: Compiled | undefined;

function compile(): Compiled {
  if (compiled) return compiled;
  const lex = loadLexicon('synonyms', synonymsSchema);
  const han: Compiled['han'] = [];
  const latinTargets = new Map<string, Array<{ to: string[]; weight: number }>>();
  for (const g of lex.groups) {
    const to = g.to.map(normalize).filter(Boolean);
    const weight = g.weight ?? lex.defaultWeight;
    for (const f of g.from) {
      const phrase = normalize(f);
      if (!phrase) continue;
      if (/^[\x20-\x7e]+$/.test(phrase)) {
        const list = latinTargets.get(phrase) ?? [];
        list.push({ to, weight });
        latinTargets.set(phrase, list);
      } else {
        han.push({ phrase, to, weight });
      }
    }
  }
  // One alternation, longest phrases first so "tax break" wins over "tax".
  const phrases = [...latinTargets.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const latin = new RegExp(`(?<![a-z0-9])(?:${phrases.join('|') || '(?!)'})(?![a-z0-9])`, 'g');
  compiled = { han, latin, latinTargets };
  return compiled;
}

/**
 * The document terms implied by a normalised query. When several phrases lead to the same term the
 * highest weight wins. Terms already present literally in the query are not returned.
 */
export function expand(normalised: string): Expansion[] {
  const c = compile();
  const best = new Map<string, Expansion>();
  const add = (to: string[], weight: number, trigger: string): void => {
    for (const term of to) {
      if (normalised.includes(term)) continue;
      const prev = best.get(term);
      if (!prev || prev.weight < weight) best.set(term, { term, weight, trigger });
    }
  };
  for (const h of c.han) if (normalised.includes(h.phrase)) add(h.to, h.weight, h.phrase);
  for (const m of normalised.matchAll(c.latin)) {
    for (const t of c.latinTargets.get(m[0]) ?? []) add(t.to, t.weight, m[0]);
  }
  return [...best.values()];
}
