/**
 * Gates run before retrieval and decide what kind of message this is.
 *
 * Order matters: a crisis signal wins over everything (someone who says they want to die while
 * also asking about the weather must get the hotline); then requests we must decline; then bare
 * greetings; everything else is a question for the retriever. The vocabularies live in
 * policies/lexicon/crisis.yaml and scope.yaml; this file holds no user-facing text.
 */
import { z } from 'zod';
import { compileMatcher, escapeRegExp, loadLexicon, phrasePatterns, wordList, type Matcher } from './lexicon.js';
import { normalize } from './normalize.js';
import { detectRegionNormalised, namesElsewhere } from './regions.js';

/** What a message is, with the matched category or phrase as `reason` (for logs and tests). */
export interface Classification {
  kind: 'crisis' | 'out_of_scope' | 'greeting' | 'question';
  reason?: string;
}

const crisisSchema = z.object({
  zh: phrasePatterns,
  en: phrasePatterns,
  exclude: z.object({ zh: wordList }).default({ zh: [] }),
});
const scopeSchema = z.object({
  categories: z.record(z.string(), phrasePatterns),
  elsewhereFigure: z.object({ patterns: z.array(z.string()) }),
  greeting: z.object({ zh: wordList, en: wordList }),
});

interface Compiled {
  crisis: Matcher[];
  crisisExclude: string[];
  scope: Array<{ name: string; matcher: Matcher }>;
  elsewhereFigure: RegExp[];
  greetings: Array<string | RegExp>;
}
let compiled: Compiled | undefined;

function compile(): Compiled {
  if (!compiled) {
    const crisis = loadLexicon('crisis', crisisSchema);
    const scope = loadLexicon('scope', scopeSchema);
    compiled = {
      crisis: [compileMatcher(crisis.zh), compileMatcher(crisis.en)],
      crisisExclude: crisis.exclude.zh.map(normalize).filter(Boolean),
      scope: Object.entries(scope.categories).map(([name, block]) => ({ name, matcher: compileMatcher(block) })),
      elsewhereFigure: scope.elsewhereFigure.patterns.map((p) => new RegExp(p, 'u')),
      // Longest first, so "good morning" is removed before "good" could be.
      greetings: [...scope.greeting.zh, ...scope.greeting.en]
        .map(normalize)
        .filter(Boolean)
        .sort((a, b) => b.length - a.length)
        .map((g) => (/^[\x20-\x7e]+$/.test(g) ? new RegExp(`(?<![a-z0-9])${escapeRegExp(g)}(?![a-z0-9])`, 'g') : g)),
    };
  }
  return compiled;
}

/** Signals of self-harm or suicide, in any script or English; returns the matched signal. */
export function crisisSignal(text: string): string | undefined {
  const c = compile();
  let n = normalize(text);
  // Idioms such as 笑死/死活 would otherwise trip the 死 patterns.
  for (const x of c.crisisExclude) n = n.split(x).join(' ');
  for (const m of c.crisis) {
    const hit = m.match(n);
    if (hit) return hit;
  }
  return undefined;
}

/** True when the message is nothing but greetings or thanks. */
function isGreeting(normalised: string, greetings: Array<string | RegExp>): boolean {
  if (!normalised) return true;
  let rest = normalised;
  for (const g of greetings) rest = typeof g === 'string' ? rest.split(g).join(' ') : rest.replace(g, ' ');
  return rest.replace(/[\s啊呀哈嗯哦的了吧呢]+/g, '') === '';
}

/** Classifies a message as crisis, out of scope, greeting or question (in that order of priority). */
export function classify(text: string): Classification {
  const c = compile();
  const crisis = crisisSignal(text);
  if (crisis) return { kind: 'crisis', reason: crisis };
  const n = normalize(text);
  for (const { name, matcher } of c.scope) {
    if (matcher.match(n)) return { kind: 'out_of_scope', reason: name };
  }
  // A local figure (an amount, a standard) for a place we hold no documents for cannot be answered.
  if (!detectRegionNormalised(n) && namesElsewhere(n) && c.elsewhereFigure.some((r) => r.test(n))) {
    return { kind: 'out_of_scope', reason: 'other_region' };
  }
  if (isGreeting(n, c.greetings)) return { kind: 'greeting' };
  return { kind: 'question' };
}
