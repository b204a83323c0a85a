/**
 * Two baselines behind the same {@link Retriever} interface, built from the same entries, so the
 * evaluation can show what our engine adds over what a developer would set up in an afternoon:
 *
 * - nlp.js (node-nlp): an NlpManager intent classifier, one intent per entry, trained on the
 *   sample questions and titles in zh and en; confidence = its classification score.
 * - MiniSearch: a plain full-text index over title, answer, sample questions and keywords, Chinese
 *   split into characters and bigrams; confidence = score relative to a typical self-match score.
 *
 * Both receive the question normalised to Simplified (a trivial step any developer would take).
 */
import { createRequire } from 'node:module';
import MiniSearch from 'minisearch';
import type { Entry } from '../policies/schema.js';
import { normalize, hasHan } from '../policies/engine/normalize.js';
import type { Retriever, SearchHit, SearchOptions } from '../policies/engine/retriever.js';

/* ----------------------------------------------------------------- nlp.js ------------------- */

type Tokens = Record<string, number>;
interface NlpInput {
  locale: string;
  text: string;
  settings: Record<string, unknown>;
  tokens?: string[] | Tokens;
  classifications?: Array<{ intent: string; score: number }>;
}
interface Step {
  run(input: NlpInput): NlpInput;
}
interface NluLike {
  settings: Record<string, unknown>;
  container: { get(name: string): unknown };
  textToFeatures(input: NlpInput): NlpInput;
  innerProcess(input: NlpInput): NlpInput;
  filterNonActivated(input: NlpInput): NlpInput;
  normalizeClassifications(input: NlpInput): NlpInput;
}
interface NlpManagerLike {
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<void>;
  process(
    locale: string,
    utterance: string,
  ): Promise<{ intent: string; score: number; classifications?: Array<{ intent: string; score: number }> }>;
  nlp: { nluManager: { domainManagers: Record<string, { domains: Record<string, NluLike> }> } };
}
type NlpManagerCtor = new (opts: Record<string, unknown>) => NlpManagerLike;

const require = createRequire(import.meta.url);

/**
 * nlp.js only offers an async `process`; the Retriever interface is synchronous. This runs the
 * same steps as Nlu.defaultPipelineProcess, synchronously (every step is synchronous underneath:
 * the Chinese stemmer's `processText`, the English stemmer's `stem`). {@link checkNlpJsSync}
 * verifies the result against `manager.process`.
 */
function classifySync(nlu: NluLike, locale: string, text: string): Array<{ intent: string; score: number }> {
  const c = nlu.container;
  let input: NlpInput = { locale, text, settings: nlu.settings };
  input = (c.get('normalize') as Step).run(input);
  const tokenizer = c.get(`tokenizer-${locale}`) as { tokenize(t: string, i: NlpInput): string[] };
  input.tokens = tokenizer.tokenize(input.text, input).filter(Boolean);
  input = (c.get('removeStopwords') as Step).run(input);
  const stemmer = c.get(`stemmer-${locale}`) as {
    processText?: (t: string) => string[];
    stem(tokens: string[], i: NlpInput): string[];
  };
  input.tokens =
    locale === 'zh' && stemmer.processText ? stemmer.processText(input.text) : stemmer.stem(input.tokens as string[], input);
  input = (c.get('arrToObj') as Step).run(input);
  input = nlu.textToFeatures(input);
  input = nlu.innerProcess(input);
  input = nlu.filterNonActivated(input);
  input = nlu.normalizeClassifications(input);
  return input.classifications ?? [];
}

/** The nlp.js baseline plus the manager, kept for the sync/async agreement check. */
export interface NlpJsBaseline extends Retriever {
  manager: NlpManagerLike;
}

/** Trains an nlp.js NlpManager (one intent per entry id, languages zh and en). Takes seconds. */
export async function createNlpJsBaseline(entries: Entry[]): Promise<NlpJsBaseline> {
  const { NlpManager } = require('node-nlp') as { NlpManager: NlpManagerCtor };
  const manager = new NlpManager({ languages: ['zh', 'en'], forceNER: false, autoSave: false, nlu: { log: false } });
  for (const e of entries) {
    for (const q of [e.title['zh-CN'], ...e.sampleQuestions['zh-CN']]) manager.addDocument('zh', normalize(q), e.id);
    for (const q of [e.title.en, ...e.sampleQuestions.en]) manager.addDocument('en', normalize(q), e.id);
  }
  await manager.train();
  const byId = new Map(entries.map((e) => [e.id, e]));
  const nluFor = (locale: string): NluLike | undefined =>
    manager.nlp.nluManager.domainManagers[locale]?.domains['master_domain'];
  return {
    name: 'nlpjs-intents',
    manager,
    search(text: string, opts: SearchOptions): SearchHit[] {
      const n = normalize(text);
      const locale = hasHan(n) ? 'zh' : 'en';
      const nlu = nluFor(locale);
      if (!nlu) return [];
      const hits: SearchHit[] = [];
      for (const c of classifySync(nlu, locale, n)) {
        const entry = byId.get(c.intent);
        if (entry && c.score > 0) hits.push({ entry, score: c.score, confidence: c.score });
      }
      return hits.slice(0, opts.limit ?? 5);
    },
  };
}

/** Share of `texts` on which the sync path ranks the same top intent first as `manager.process`. */
export async function checkNlpJsSync(b: NlpJsBaseline, texts: string[]): Promise<number> {
  let same = 0;
  for (const t of texts) {
    const n = normalize(t);
    const locale = hasHan(n) ? 'zh' : 'en';
    // process() reports 'None' below its own threshold; compare the ranked classifications instead.
    const a = await b.manager.process(locale, n);
    const expected = a.classifications?.[0]?.intent ?? a.intent;
    const top = b.search(t, { locale: 'zh-CN', limit: 1 })[0];
    if ((top?.entry.id ?? 'None') === expected) same++;
  }
  return texts.length ? same / texts.length : 1;
}

/* ----------------------------------------------------------------- MiniSearch --------------- */

/** Characters and bigrams for Chinese, words for everything else: the quick way to use MiniSearch on CJK. */
function cjkTokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of normalize(text).matchAll(/([\u3400-\u9fff]+)|([a-z0-9]+)/g)) {
    if (m[2]) out.push(m[2]);
    else if (m[1]) {
      const chars = Array.from(m[1]);
      chars.forEach((ch, i) => {
        out.push(ch);
        const next = chars[i + 1];
        if (next) out.push(ch + next);
      });
    }
  }
  return out;
}

/** A MiniSearch full-text index; confidence = score / median self-match score of sample questions. */
export function createMiniSearchBaseline(entries: Entry[]): Retriever {
  const ms = new MiniSearch<{ id: string; title: string; answer: string; questions: string; keywords: string }>({
    fields: ['title', 'answer', 'questions', 'keywords'],
    tokenize: cjkTokenize,
    processTerm: (t) => t,
  });
  ms.addAll(
    entries.map((e) => ({
      id: e.id,
      title: `${e.title['zh-CN']} ${e.title.en}`,
      answer: `${e.answer['zh-CN']} ${e.answer.en}`,
      questions: [...e.sampleQuestions['zh-CN'], ...e.sampleQuestions.en].join(' '),
      keywords: e.keywords.join(' '),
    })),
  );
  const opts = { boost: { title: 2, questions: 1.5 }, combineWith: 'OR' as const };
  // Scale: what a sample question scores against its own entry. Half of that is the threshold.
  const selfScores = entries
    .map((e) => ms.search(e.sampleQuestions['zh-CN'][0] ?? e.title['zh-CN'], opts)[0]?.score ?? 0)
    .sort((a, b) => a - b);
  const scale = selfScores[Math.floor(selfScores.length / 2)] || 1;
  const byId = new Map(entries.map((e) => [e.id, e]));
  return {
    name: 'minisearch',
    search(text, o) {
      const hits: SearchHit[] = [];
      for (const r of ms.search(text, opts).slice(0, o.limit ?? 5)) {
        const entry = byId.get(String(r.id));
        if (entry) hits.push({ entry, score: r.score, confidence: Math.min(1, r.score / scale) });
      }
      return hits;
    },
  };
}
