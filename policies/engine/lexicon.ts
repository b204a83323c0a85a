/**
 * Loading the YAML vocabularies in policies/lexicon/. They are data, not code: the engine reads
 * them once at start-up, validates their shape, and caches the parsed result.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { normalize } from './normalize.js';

// Next to the sources when run with tsx; from dist/policies/engine the YAML still lives in the
// project's policies/lexicon (tsc does not copy it), hence the second candidate.
const LEXICON_DIR =
  [new URL('../lexicon/', import.meta.url), new URL('../../../policies/lexicon/', import.meta.url)].find((u) =>
    existsSync(new URL('synonyms.yaml', u)),
  ) ?? new URL('../lexicon/', import.meta.url);
const cache = new Map<string, unknown>();

/** Reads `policies/lexicon/<name>.yaml`, validates it with `schema`, and caches the result. */
export function loadLexicon<T>(name: string, schema: z.ZodType<T>): T {
  const hit = cache.get(name);
  if (hit !== undefined) return hit as T;
  const raw: unknown = parseYaml(readFileSync(new URL(`${name}.yaml`, LEXICON_DIR), 'utf8'));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`lexicon ${name}.yaml invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  cache.set(name, parsed.data);
  return parsed.data;
}

/** A list of words; YAML may give numbers (e.g. 12306), which are kept as strings. */
export const wordList = z.array(z.union([z.string(), z.number()]).transform((v) => String(v))).default([]);

/** Phrases plus regular expressions, as used by crisis.yaml and scope.yaml. */
export const phrasePatterns = z.object({ phrases: wordList, patterns: z.array(z.string()).default([]) });
export type PhrasePatterns = z.infer<typeof phrasePatterns>;

/** A compiled matcher for a {@link PhrasePatterns} block, working on normalised text. */
export interface Matcher {
  /** The first phrase or pattern that matches, or undefined. */
  match(normalised: string): string | undefined;
}

/**
 * Compiles phrases and patterns into one matcher. Phrases are normalised like the input so that
 * the YAML may be written naturally; Latin phrases only match on word boundaries ("hi" must not
 * match inside "this").
 */
export function compileMatcher(block: PhrasePatterns): Matcher {
  const han: string[] = [];
  const latin: RegExp[] = [];
  for (const p of block.phrases) {
    const n = normalize(p);
    if (!n) continue;
    if (/^[\x20-\x7e]+$/.test(n)) latin.push(new RegExp(`(?:^|[^a-z0-9])${escapeRegExp(n)}(?![a-z0-9])`));
    else han.push(n);
  }
  const patterns = block.patterns.map((p) => new RegExp(p, 'u'));
  return {
    match(text) {
      for (const p of han) if (text.includes(p)) return p;
      for (const r of latin) if (r.test(text)) return r.source;
      for (const r of patterns) if (r.test(text)) return r.source;
      return undefined;
    },
  };
}

/** Escapes a string for literal use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
