/**
 * The retriever: finds the knowledge-base entries that answer a question.
 *
 * Ranking = BM25F over words (jieba segmentation + domain dictionary, English stems, synonym
 * expansion at lower weight) + a smaller BM25F over Chinese character bigrams/trigrams, which
 * keeps typos and unsegmentable colloquialisms in play. The sum is multiplied by a region factor
 * and demoted for superseded entries. Confidence maps the score and the share of the question the
 * entry covers to 0..1; at or above {@link CONFIDENCE_THRESHOLD} the bot answers, below it declines.
 */
import type { Entry, Region } from '../schema.js';
import { Bm25fIndex, type FieldSpec } from './index.js';
import { normalize } from './normalize.js';
import { detectRegionNormalised, localRegions, namesElsewhere } from './regions.js';
import { hanNgrams, tokenize } from './segment.js';
import { expand } from './synonyms.js';

/** Options of one search. */
export interface SearchOptions {
  locale: 'zh-CN' | 'zh-TW' | 'en';
  /** The user's region (chosen in the conversation); a region named in the question wins. */
  region?: Region;
  limit?: number;
}

/** One ranked entry. */
export interface SearchHit {
  entry: Entry;
  score: number;
  /** 0..1, calibrated so that ≥ CONFIDENCE_THRESHOLD means answer. */
  confidence: number;
}

/** Anything that ranks entries for a question: our engine and the baselines. */
export interface Retriever {
  readonly name: string;
  search(text: string, opts: SearchOptions): SearchHit[];
}

/** At or above this confidence the top hit is good enough to answer with. */
export const CONFIDENCE_THRESHOLD = 0.45;

/** Tuning knobs, in one place so the evaluation script can report them. */
export const TUNING = {
  ngramWeight: 0.25,
  localBoost: 1.35,
  otherRegionFactor: 0.75,
  elsewhereLocalFactor: 0.6,
  /** With no region known, a national rule (true everywhere) is preferred over one place's. */
  unknownRegionLocalFactor: 0.85,
  supersededFactor: 0.4,
  /** Score at which the score half of confidence reaches 1 − 1/e. */
  scoreScale: 9,
  /** Query coverage at which the coverage half of confidence saturates. */
  coverageFull: 0.55,
  /** How much coverage reorders hits (0 = pure score): an entry that explains more of the question wins ties. */
  coverageInRank: 0.3,
} as const;

// zh-TW is not indexed: after normalisation it is (almost) the zh-CN text again and would only
// double-count. English gets its own fields so its length does not dilute the Chinese ones.
const WORD_FIELDS: FieldSpec[] = [
  { name: 'title', weight: 3, b: 0.5 },
  { name: 'questions', weight: 2.5, b: 0.6 },
  { name: 'keywords', weight: 2.5, b: 0.3 },
  { name: 'answer', weight: 1, b: 0.75 },
  { name: 'details', weight: 0.6, b: 0.75 },
  { name: 'title_en', weight: 3, b: 0.5 },
  { name: 'questions_en', weight: 2.5, b: 0.6 },
  { name: 'answer_en', weight: 1, b: 0.75 },
  { name: 'details_en', weight: 0.6, b: 0.75 },
];
const NGRAM_FIELDS: FieldSpec[] = [
  { name: 'title', weight: 3, b: 0.5 },
  { name: 'questions', weight: 2, b: 0.6 },
  { name: 'keywords', weight: 2, b: 0.3 },
  { name: 'answer', weight: 1, b: 0.75 },
];

/** The text of an entry's secondary fields (steps, documents, where, deadlines, amounts) in one locale. */
function details(e: Entry, locale: 'zh-CN' | 'en'): string {
  const parts: string[] = [];
  for (const list of [e.steps, e.documents, e.deadlines, e.amounts]) if (list) parts.push(...list[locale]);
  if (e.where) parts.push(e.where.apply[locale], e.where.decides?.[locale] ?? '');
  if (e.eligibility?.note) parts.push(e.eligibility.note[locale]);
  return parts.join(' ');
}

const words = (s: string): string[] => tokenize(normalize(s));
const grams = (s: string): string[] => {
  const n = normalize(s);
  return [...hanNgrams(n, 2), ...hanNgrams(n, 3)];
};

/** A question after normalisation, segmentation, expansion and region detection. */
export interface AnalysedQuery {
  normalised: string;
  /** Word tokens with weights: 1 for what was typed, lower for synonym expansions. */
  words: Map<string, number>;
  /** The typed tokens only (for coverage). */
  literal: Set<string>;
  ngrams: Map<string, number>;
  region?: Region;
  elsewhere: boolean;
}

/** Normalises, segments and expands a question; exported for tests and the evaluation script. */
export function analyse(text: string): AnalysedQuery {
  const normalised = normalize(text);
  const wordsMap = new Map<string, number>();
  const literal = new Set(tokenize(normalised));
  for (const t of literal) wordsMap.set(t, 1);
  for (const x of expand(normalised)) {
    for (const t of tokenize(x.term)) if ((wordsMap.get(t) ?? 0) < x.weight) wordsMap.set(t, x.weight);
  }
  const ngrams = new Map<string, number>();
  for (const g of [...hanNgrams(normalised, 2), ...hanNgrams(normalised, 3)]) ngrams.set(g, 1);
  return {
    normalised,
    words: wordsMap,
    literal,
    ngrams,
    region: detectRegionNormalised(normalised),
    elsewhere: namesElsewhere(normalised),
  };
}

/** The covered region a question names (江西/南昌/赣, 广州/广东, 重庆/荣昌, 郑州, 河南, 上海; any script or English). */
export function detectRegion(text: string): Region | undefined {
  return detectRegionNormalised(normalize(text));
}

/** Builds the index once; searches are then a few map look-ups per query term. */
export function createRetriever(entries: Entry[]): Retriever {
  const wordDocs = entries.map((e) => ({
    title: words(e.title['zh-CN']),
    questions: words(e.sampleQuestions['zh-CN'].join(' ')),
    keywords: words(e.keywords.join(' ')),
    answer: words(e.answer['zh-CN']),
    details: words(details(e, 'zh-CN')),
    title_en: words(e.title.en),
    questions_en: words(e.sampleQuestions.en.join(' ')),
    answer_en: words(e.answer.en),
    details_en: words(details(e, 'en')),
  }));
  const gramDocs = entries.map((e) => ({
    title: grams(e.title['zh-CN']),
    questions: grams(e.sampleQuestions['zh-CN'].join(' ')),
    keywords: grams(e.keywords.join(' ')),
    answer: grams(e.answer['zh-CN']),
  }));
  const wordIndex = new Bm25fIndex(wordDocs, WORD_FIELDS);
  const gramIndex = new Bm25fIndex(gramDocs, NGRAM_FIELDS);
  const n = entries.length;

  return {
    name: 'anbang-bm25f',
    search(text, opts) {
      const q = analyse(text);
      const scores = new Float64Array(n);
      const matched = new Float64Array(n);
      wordIndex.score(q.words, scores, matched);
      const gramScores = new Float64Array(n);
      gramIndex.score(q.ngrams, gramScores);

      // Coverage: how much of what the user typed (IDF-weighted) the entry accounts for, counting
      // expansions as evidence for the words that triggered them only through `matched`.
      let queryMass = 0;
      for (const [t, w] of q.words) queryMass += w * wordIndex.idfOf(t);

      const region = q.region ?? opts.region;
      const local = region ? new Set(localRegions(region)) : undefined;
      const hits: SearchHit[] = [];
      for (let i = 0; i < n; i++) {
        const entry = entries[i] as Entry;
        let score = (scores[i] ?? 0) + TUNING.ngramWeight * (gramScores[i] ?? 0);
        if (score <= 0) continue;
        if (entry.region !== 'national') {
          if (local) score *= local.has(entry.region) ? TUNING.localBoost : TUNING.otherRegionFactor;
          else if (q.elsewhere) score *= TUNING.elsewhereLocalFactor;
          else score *= TUNING.unknownRegionLocalFactor;
        }
        if (entry.status === 'superseded') score *= TUNING.supersededFactor;
        const coverage = queryMass > 0 ? (matched[i] ?? 0) / queryMass : 0;
        const rank = score * (1 - TUNING.coverageInRank + TUNING.coverageInRank * Math.min(1, coverage / TUNING.coverageFull));
        hits.push({ entry, score: rank, confidence: confidenceOf(score, coverage) });
      }
      hits.sort((a, b) => b.score - a.score);
      return hits.slice(0, opts.limit ?? 5);
    },
  };
}

/**
 * Confidence from the final score and the query coverage. Both must be present: a long question
 * can pile up score from common words without being about the entry (low coverage), and a
 * one-word question can be fully covered by an entry that mentions it in passing (low score).
 */
export function confidenceOf(score: number, coverage: number): number {
  const s = 1 - Math.exp(-score / TUNING.scoreScale);
  const c = Math.min(1, coverage / TUNING.coverageFull);
  return Math.sqrt(s * c);
}
