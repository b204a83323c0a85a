/**
 * User-facing text. Every string the bot shows comes from locales/<lng>/translation.json through
 * i18next; the phrases the bot recognises (help, cancel, language names …) from locales/commands.json.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { projectRoot } from './paths.js';

export const LANGUAGES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export type Resources = Record<Language, Record<string, unknown>>;

/**
 * Reads every `locales/<lng>/*.json` file (one file per area of the bot) and merges them into
 * one tree per language; a key defined in two files is an error.
 */
export function readTranslations(root = projectRoot()): Resources {
  const read = (lng: Language) => {
    const dir = join(root, 'locales', lng);
    const tree: Record<string, unknown> = {};
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      mergeInto(tree, JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>, `${lng}/${file}`);
    }
    return tree;
  };
  return { 'zh-CN': read('zh-CN'), 'zh-TW': read('zh-TW'), en: read('en') };
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>, where: string, path = ''): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    const isTree = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
    if (existing === undefined) target[key] = value;
    else if (isTree(existing) && isTree(value)) mergeInto(existing, value, where, `${path}${key}.`);
    else throw new Error(`locale key ${path}${key} defined twice (again in ${where})`);
  }
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

/**
 * A translator bound to one language, made once per language. Texts without interpolation are
 * looked up once and then served from a map: i18next's own lookup was a tenth of a turn's CPU.
 */
export function translator(instance: i18n, lng: Language): TFunction {
  let byLanguage = translators.get(instance);
  if (!byLanguage) translators.set(instance, (byLanguage = new Map()));
  let t = byLanguage.get(lng);
  if (!t) byLanguage.set(lng, (t = memoized(instance.getFixedT(lng))));
  return t;
}

function memoized(t: TFunction): TFunction {
  const plain = new Map<string, string>();
  const fast = (key: unknown, ...rest: unknown[]) => {
    if (rest.length > 0 || typeof key !== 'string') return (t as unknown as (...a: unknown[]) => string)(key, ...rest);
    let text = plain.get(key);
    if (text === undefined) plain.set(key, (text = t(key)));
    return text;
  };
  return fast as unknown as TFunction;
}

/** Every key path (a.b.c) of a translation tree, for completeness checks. */
export function keyPaths(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? keyPaths(v as Record<string, unknown>, `${prefix}${k}.`)
      : [`${prefix}${k}`],
  );
}
