import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { keyPaths, readTranslations, LANGUAGES, createI18n } from '../bot/i18n.js';
import { projectRoot } from '../bot/paths.js';
import { languageFromLocale, languageFromText, resolveLanguage } from '../bot/language.js';
import { loadCommands } from '../bot/commands.js';
import { MENU_ITEMS } from '../dialogs/menu.js';

const root = projectRoot();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

describe('locale files', () => {
  const translations = readTranslations(root);

  it('have the same keys in zh-CN, zh-TW and en', () => {
    const reference = keyPaths(translations['zh-CN']).sort();
    expect(reference.length).toBeGreaterThan(10);
    for (const lng of LANGUAGES) expect(keyPaths(translations[lng]).sort(), lng).toEqual(reference);
  });

  it('hold every key the code asks for, in every locale', () => {
    const used = new Set<string>();
    for (const dir of ['bot', 'dialogs', 'policies', 'notifier', 'web']) {
      let files: string[] = [];
      try {
        files = sourceFiles(join(root, dir));
      } catch {
        continue; // folder not there yet
      }
      for (const file of files) {
        // t('a.b'), t()('a.b'), i18n.getFixedT(l)('a.b')
        for (const m of readFileSync(file, 'utf8').matchAll(/(?:\bt|\))\(\s*'([a-zA-Z]+\.[\w.]+)'/g)) {
          if (!m[1]?.endsWith('.js')) used.add(m[1] ?? '');
        }
      }
    }
    for (const item of MENU_ITEMS) used.add(`menu.items.${item}`);
    {
      {
      }
    }
    expect(used.size).toBeGreaterThan(12);
    expect(used).toContain('error.apology');
    for (const lng of LANGUAGES) {
      const keys = new Set(keyPaths(translations[lng]));
      for (const key of used) expect(keys.has(key), `${lng} lacks ${key}`).toBe(true);
    }
  });

  it('fails loudly for a missing key instead of falling back to another language', async () => {
    const i18n = await createI18n({ 'zh-CN': { a: '甲', b: '乙' }, 'zh-TW': { a: '甲' }, en: { a: 'A' } });
    expect(i18n.getFixedT('zh-TW')('b')).toBe('b');
    expect(i18n.getFixedT('en')('a')).toBe('A');
  });
});

describe('reply language', () => {
  it('follows activity.locale', () => {
    expect(languageFromLocale('zh-CN')).toBe('zh-CN');
    expect(languageFromLocale('zh-TW')).toBe('zh-TW');
    expect(languageFromLocale('zh-HK')).toBe('zh-TW');
    expect(languageFromLocale('zh-Hant')).toBe('zh-TW');
    expect(languageFromLocale('en-US')).toBe('en');
    expect(languageFromLocale('fr-FR')).toBeUndefined();
  });

  it('falls back to the script of the message', () => {
    expect(languageFromText('我剛出獄，可以申請什麼')).toBe('zh-TW');
    expect(languageFromText('我刚出狱，可以申请什么')).toBe('zh-CN');
    expect(languageFromText('Where do I report?')).toBe('en');
    expect(languageFromText('123')).toBeUndefined();
  });

  it('puts an explicit switch before the locale, and the locale before the script', () => {
    expect(resolveLanguage({ chosen: 'en', locale: 'zh-CN', text: '你好' })).toBe('en');
    expect(resolveLanguage({ locale: 'zh-CN', text: 'hello there' })).toBe('zh-CN');
    expect(resolveLanguage({ text: 'hello there' })).toBe('en');
    expect(resolveLanguage({})).toBe('zh-CN');
  });

  it('recognises language names and commands as whole messages only', () => {
    const commands = loadCommands(root);
    expect(commands.match('English')).toEqual({ kind: 'language', language: 'en' });
    expect(commands.match(' 繁體 ')).toEqual({ kind: 'language', language: 'zh-TW' });
    expect(commands.match('简体')).toEqual({ kind: 'language', language: 'zh-CN' });
    expect(commands.match('取消！')).toEqual({ kind: 'cancel' });
    expect(commands.match('转人工')).toEqual({ kind: 'handoff' });
    expect(commands.match('我想取消报到可以吗')).toBeUndefined();
  });
});
