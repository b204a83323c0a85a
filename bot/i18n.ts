/**
 * User-facing text. Every string the bot shows comes from locales/<lng>/translation.json through
 * i18next; the phrases the bot recognises (help, cancel, language names …) from locales/commands.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { projectRoot } from './paths.js';

export const LANGUAGES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export type Resources = Record<Language, Record<string, unknown>>;

/** Reads the three translation files. */
export function readTranslations(root = projectRoot()): Resources {
  const read = (lng: Language) =>
    JSON.parse(readFileSync(join(root, 'locales', lng, 'translation.json'), 'utf8')) as Record<string, unknown>;
  return { 'zh-CN': read('zh-CN'), 'zh-TW': read('zh-TW'), en: read('en') };
}

/** Creates an i18next instance over the translation files; a missing key is an error, not a fallback. */
export async function createI18n(resources: Resources = readTranslations()): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    // No fallback: a key missing in one locale must show up in tests, not silently in Chinese.
    fallbackLng: false,
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: resources[l] }])),
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<i18n['init']>[0]);
  return instance;
}

const translators = new WeakMap<i18n, Map<Language, TFunction>>();

/** A translator bound to one language; made once per language, since getFixedT is not free per turn. */
export function translator(instance: i18n, lng: Language): TFunction {
  let byLanguage = translators.get(instance);
  if (!byLanguage) translators.set(instance, (byLanguage = new Map()));
  let t = byLanguage.get(lng);
  if (!t) byLanguage.set(lng, (t = instance.getFixedT(lng)));
  return t;
}

/** Every key path (a.b.c) of a translation tree, for completeness checks. */
export function keyPaths(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? keyPaths(v as Record<string, unknown>, `${prefix}${k}.`)
      : [`${prefix}${k}`],
  );
}
