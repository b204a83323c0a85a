/**
 * Loads dialogs/facts/vocabulary.yaml (every word the parser knows), validates it with zod once,
 * and caches it. A malformed file fails loudly at the first parse, not with silent misses.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { factsSchema } from './types.js';

// Next to this file under tsx/vitest; from dist/dialogs/facts the YAML still lives in the source tree.
const FILE =
  [new URL('./vocabulary.yaml', import.meta.url), new URL('../../../dialogs/facts/vocabulary.yaml', import.meta.url)].find(
    (u) => existsSync(u),
  ) ?? new URL('./vocabulary.yaml', import.meta.url);

const words = z.array(z.union([z.string(), z.number()]).transform(String)).default([]);
const zhEn = z.object({ zh: words, en: words });
const numberMap = z.record(z.string(), z.number());
const range = z.tuple([z.number(), z.number()]);

const signal = z
  .object({
    facts: factsSchema.refine((f) => Object.keys(f).length > 0, 'a signal must set at least one fact'),
    negated: factsSchema.optional(),
    needs: z.array(z.union([z.string(), z.number()]).transform(String)).min(1).optional(),
    zh: words,
    en: words,
  })
  .strict();
export type Signal = z.infer<typeof signal>;

const schema = z
  .object({
    numbers: z.object({
      digits: numberMap,
      units: numberMap,
      half: z.string().length(1),
      english: numberMap,
      englishTens: numberMap,
      latinUnits: numberMap,
      approx: words,
      notNumbers: words,
    }),
    negation: z.object({ zh: words, en: words, fillers: words }),
    questionForms: words,
    subjects: z.object({ self: words, others: words, personal: z.array(z.enum(Object.keys(factsSchema.shape) as [keyof typeof factsSchema.shape])) }),
    skip: zhEn,
    answers: z.object({ no: words, yes: words }),
    vague: z.object({ high: words, low: words, other: words }),
    release: zhEn,
    age: z.object({ before: words, after: words, selfBefore: words, selfAfter: words, selfFillers: words, notAfter: words, range }),
    monthsRange: range,
    household: z.object({ before: words, beforeOnly: words, after: words, strongAfter: words, range }),
    income: z.object({
      period: words,
      yearly: words,
      nouns: words,
      currency: words,
      household: words,
      noneAnswer: words,
      notAfter: words,
      range,
    }),
    dates: z.object({
      days: numberMap,
      months: numberMap,
      years: numberMap,
      weeks: numberMap,
      weekdayPrefix: words,
      weekdays: z.record(z.string(), z.number().int().min(1).max(7)),
      yearWord: z.string(),
      monthWord: z.string(),
      dayWords: words,
      ordinalSuffixes: words,
      englishMonths: z.record(z.string(), z.number().int().min(1).max(12)),
      ago: words,
      units: z.record(z.string(), z.enum(['day', 'week', 'month', 'year'])),
      halfYear: words,
      halfMonth: words,
      articles: words,
      more: words,
      maxYearsBack: z.number().int().positive(),
      maxYearsAhead: z.number().int().positive(),
    }),
    signals: z.array(signal).min(1),
    ignore: words,
  })
  .strict();
export type Vocabulary = z.infer<typeof schema>;

let cached: Vocabulary | undefined;

/** The parsed, validated vocabulary (read once). Throws with every problem listed when the YAML is invalid. */
export function vocabulary(): Vocabulary {
  if (!cached) cached = parseVocabulary(readFileSync(FILE, 'utf8'));
  return cached;
}

/** Validates vocabulary YAML text; exported so tests can check that a broken file is rejected. */
export function parseVocabulary(yamlText: string): Vocabulary {
  const parsed = schema.safeParse(parseYaml(yamlText));
  if (!parsed.success) {
    throw new Error(`dialogs/facts/vocabulary.yaml invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
