/**
 * Turns a knowledge-base entry into the text a person reads: the answer itself, then what to
 * bring, where to go, who decides, time limits and amounts, then where the rule applies and
 * which document it comes from. Labels come from the locale files; the facts from the entry.
 */
import type { TFunction } from 'i18next';
import type { Entry, Locale, LocalizedList, Region } from './schema.js';

function list(items: LocalizedList | undefined, lng: Locale): string | undefined {
  const values = items?.[lng];
  return values && values.length > 0 ? values.join(lng === 'en' ? '; ' : '；') : undefined;
}

/** How the entry's region relates to the user's: decides the note under a local rule. */
export type RegionFit = 'national' | 'local' | 'unknown-user-region' | 'other-region';

export function regionFit(entry: Entry, userRegions: Region[] | undefined): RegionFit {
  if (entry.region === 'national') return 'national';
  if (!userRegions) return 'unknown-user-region';
  return userRegions.includes(entry.region) ? 'local' : 'other-region';
}

const composed = new WeakMap<Entry, Map<string, string>>();

/**
 * The full text of one entry's answer in `lng`. The text depends only on its arguments, and the
 * same entries are asked about again and again, so each variant is composed once.
 */
export function composeAnswer(
  entry: Entry,
  lng: Locale,
  t: TFunction,
  fit: RegionFit,
  userRegion?: Region,
): string {
  let variants = composed.get(entry);
  if (!variants) composed.set(entry, (variants = new Map()));
  const key = `${lng}|${fit}|${userRegion ?? ''}`;
  let text = variants.get(key);
  if (text === undefined) variants.set(key, (text = compose(entry, lng, t, fit, userRegion)));
  return text;
}

function compose(entry: Entry, lng: Locale, t: TFunction, fit: RegionFit, userRegion?: Region): string {
  const lines = [t('answer.heading', { title: entry.title[lng] }), entry.answer[lng]];
  const steps = entry.steps?.[lng];
  if (steps && steps.length > 0) lines.push(t('answer.steps', { steps: steps.map((s, i) => `${i + 1}. ${s}`).join(' ') }));
  const documents = list(entry.documents, lng);
  if (documents) lines.push(t('answer.documents', { documents }));
  if (entry.where) {
    lines.push(t('answer.where', { where: entry.where.apply[lng] }));
    if (entry.where.decides) lines.push(t('answer.decides', { who: entry.where.decides[lng] }));
  }
  const deadlines = list(entry.deadlines, lng);
  if (deadlines) lines.push(t('answer.deadlines', { deadlines }));
  const amounts = list(entry.amounts, lng);
  if (amounts) lines.push(t('answer.amounts', { amounts }));
  const region = t(`regions.${entry.region}`);
  if (fit === 'unknown-user-region') lines.push(t('answer.regionUnknown', { region }));
  if (fit === 'other-region' && userRegion) {
    lines.push(t('answer.regionOther', { region, userRegion: t(`regions.${userRegion}`) }));
  }
  const source = entry.sources[0];
  if (source) lines.push(t('answer.source', { document: source.document, section: source.section }));
  return lines.join('\n');
}
