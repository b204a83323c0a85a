/**
 * Which language to reply in. Precedence: the user's own explicit switch (remembered in user
 * state) → the activity's `locale` → the script of the message (traditional characters →
 * zh-TW; Latin text with no Chinese → en) → zh-CN.
 */
import { toSimplified } from '../policies/engine/normalize.js';
import { DEFAULT_LANGUAGE, type Language } from './i18n.js';

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z]{2,}/;

/** Maps a BCP-47 locale (zh-CN, zh-Hant-TW, zh-HK, en-US …) to a reply language, if supported. */
export function languageFromLocale(locale: string | undefined): Language | undefined {
  if (!locale) return undefined;
  const l = locale.toLowerCase().replace('_', '-');
  if (l.startsWith('en')) return 'en';
  if (l.startsWith('zh')) {
    return /-(tw|hk|mo|hant)/.test(l) ? 'zh-TW' : 'zh-CN';
  }
  return undefined;
}

/** Guesses the language from the characters of the message itself. */
export function languageFromText(text: string | undefined): Language | undefined {
  if (!text) return undefined;
  if (HAN.test(text)) {
    const han = [...text].filter((c) => HAN.test(c)).join('');
    return toSimplified(han) !== han ? 'zh-TW' : 'zh-CN';
  }
  return LATIN_WORD.test(text) ? 'en' : undefined;
}

/** Resolves the reply language for one turn. */
export function resolveLanguage(input: {
  chosen?: Language | undefined;
  locale?: string | undefined;
  text?: string | undefined;
}): Language {
  return input.chosen ?? languageFromLocale(input.locale) ?? languageFromText(input.text) ?? DEFAULT_LANGUAGE;
}
