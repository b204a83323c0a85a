/**
 * Region vocabulary (policies/lexicon/regions.yaml): which covered region a question names, which
 * regions count as local for one another, and whether it names a place we hold no documents for.
 */
import { z } from 'zod';
import { REGIONS, type Region } from '../schema.js';
import { compileMatcher, loadLexicon, wordList, type Matcher } from './lexicon.js';

const localRegion = z.enum(REGIONS).exclude(['national']);
const regionsSchema = z.object({
  regions: z.partialRecord(localRegion, z.object({ zh: wordList, en: wordList })),
  contains: z.partialRecord(localRegion, z.array(localRegion)).default({}),
  elsewhere: z.object({ zh: wordList, en: wordList }),
});

interface Compiled {
  order: Array<{ region: Region; matcher: Matcher }>;
  contains: Partial<Record<Region, Region[]>>;
  elsewhere: Matcher;
}
let compiled: Compiled | undefined;

function compile(): Compiled {
  if (!compiled) {
    const lex = loadLexicon('regions', regionsSchema);
    const order = Object.entries(lex.regions).map(([region, names]) => ({
      region: region as Region,
      matcher: compileMatcher({ phrases: [...names.zh, ...names.en], patterns: [] }),
    }));
    compiled = {
      order,
      contains: lex.contains,
      elsewhere: compileMatcher({ phrases: [...lex.elsewhere.zh, ...lex.elsewhere.en], patterns: [] }),
    };
  }
  return compiled;
}

/**
 * The covered region a normalised question names (江西/南昌, 广州/广东, 重庆/荣昌, 郑州, 河南, 上海,
 * in Simplified after normalisation, or in English), or undefined. The YAML order decides ties:
 * the more specific region is listed first.
 */
export function detectRegionNormalised(normalised: string): Region | undefined {
  for (const { region, matcher } of compile().order) if (matcher.match(normalised)) return region;
  return undefined;
}

/** True when the normalised text names a place outside the covered regions (成都, Beijing …). */
export function namesElsewhere(normalised: string): boolean {
  return compile().elsewhere.match(normalised) !== undefined;
}

/** Regions whose entries are local for a user in `region`: itself and any region containing it. */
export function localRegions(region: Region): Region[] {
  return [region, ...(compile().contains[region] ?? [])];
}
