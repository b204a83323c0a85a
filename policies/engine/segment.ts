/**
 * Word segmentation for Chinese and tokenisation for English.
 *
 * Chinese goes through jieba in search mode (a compound such as 过渡性困难生活补助金 yields the
 * whole term and its parts, so both precise and partial matches score) with our domain dictionary
 * loaded on top of jieba's own. English is split on non-letters, stop words are dropped and a light
 * suffix stemmer folds plurals and verb forms. Input is expected to be normalised already.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { z } from 'zod';
import { loadLexicon, wordList } from './lexicon.js';
import { normalize } from './normalize.js';

const domainDictSchema = z.object({ terms: wordList });
const stopwordsSchema = z.object({ zh: wordList, en: wordList });

// A high frequency makes jieba prefer our term over splitting it.
const DOMAIN_FREQ = 200000;

let jieba: Jieba | undefined;
let zhStop: Set<string> | undefined;
let enStop: Set<string> | undefined;

/** The domain terms from policies/lexicon/domain-dict.yaml (normalised). */
export function domainTerms(): string[] {
  return loadLexicon('domain-dict', domainDictSchema).terms.map(normalize).filter(Boolean);
}

function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    const lines = domainTerms().map((t) => `${t} ${DOMAIN_FREQ} n`);
    jieba.loadDict(Buffer.from(lines.join('\n') + '\n', 'utf8'));
  }
  return jieba;
}

function stopSets(): { zh: Set<string>; en: Set<string> } {
  if (!zhStop || !enStop) {
    const lex = loadLexicon('stopwords', stopwordsSchema);
    zhStop = new Set(lex.zh.map(normalize));
    enStop = new Set(lex.en.map(normalize));
  }
  return { zh: zhStop, en: enStop };
}

/** True for a Chinese or English stop word (normalised form). */
export function isStopword(token: string): boolean {
  const s = stopSets();
  return s.zh.has(token) || s.en.has(token);
}

/**
 * A deliberately small English stemmer: enough to fold "loans/loan", "released/release",
 * "applying/apply", "subsidies/subsidy" (no -ly rule: it would turn "apply" into "app") without a dependency. Words of four letters or fewer are
 * left alone, so "bus" or "news" is not mangled.
 */
export function stemEnglish(word: string): string {
  if (word.length <= 4) return word;
  const rules: Array<[RegExp, string]> = [
    [/ies$/, 'y'],
    [/sses$/, 'ss'],
    [/([^s])s$/, '$1'],
    [/ied$/, 'y'],
    [/([a-z]{3})ing$/, '$1'],
    [/([a-z]{3})ed$/, '$1'],
  ];
  for (const [re, rep] of rules) {
    if (re.test(word)) {
      const out = word.replace(re, rep);
      // "released" -> "releas", "release" -> "releas": drop a final e so both forms agree.
      return out.replace(/e$/, '');
    }
  }
  return word.replace(/e$/, '');
}

/** Splits normalised text into runs of Han characters and runs of everything else. */
function runs(text: string): Array<{ han: boolean; text: string }> {
  const out: Array<{ han: boolean; text: string }> = [];
  const re = /([\u3400-\u9fff]+)|([^\u3400-\u9fff]+)/g;
  for (const m of text.matchAll(re)) {
    if (m[1]) out.push({ han: true, text: m[1] });
    else if (m[2] && m[2].trim()) out.push({ han: false, text: m[2] });
  }
  return out;
}

/**
 * Tokens for retrieval from normalised text: Chinese words (search-mode segmentation, stop words
 * removed) and English stems (stop words removed). Numbers are kept: 30, 12356, 91%.
 */
export function tokenize(normalised: string): string[] {
  const tokens: string[] = [];
  const stop = stopSets();
  for (const run of runs(normalised)) {
    if (run.han) {
      for (const w of segmenter().cutForSearch(run.text, true)) {
        const t = w.trim();
        if (t && !stop.zh.has(t)) tokens.push(t);
      }
    } else {
      for (const w of run.text.split(/[^a-z0-9%]+/)) {
        if (!w || stop.en.has(w)) continue;
        tokens.push(/^[a-z]+$/.test(w) ? stemEnglish(w) : w);
      }
    }
  }
  return tokens;
}

/** Plain segmentation (no search-mode sub-words, no stop-word removal), for tests and debugging. */
export function cut(normalised: string): string[] {
  return segmenter()
    .cut(normalised, true)
    .map((w) => w.trim())
    .filter(Boolean);
}

/** Character n-grams of the Han runs of normalised text, for typo-tolerant matching. */
export function hanNgrams(normalised: string, n: number): string[] {
  const out: string[] = [];
  for (const run of runs(normalised)) {
    if (!run.han) continue;
    const chars = Array.from(run.text);
    for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
  }
  return out;
}
