/**
 * Recognises the few commands that work anywhere in a conversation (help, cancel, menu, handoff,
 * language switch). The phrases live in locales/commands.json, not in code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from './paths.js';
import { LANGUAGES, type Language } from './i18n.js';

const phrases = z.array(z.string().min(1)).min(1);
const schema = z.object({
  help: phrases,
  cancel: phrases,
  menu: phrases,
  handoff: phrases,
  back: phrases,
  language: z.object({ 'zh-CN': phrases, 'zh-TW': phrases, en: phrases }),
  // Words that mean something only inside a guided conversation.
  skip: phrases,
  next: phrases,
  done: phrases,
  resume: phrases,
  yes: phrases,
  no: phrases,
  howToApply: phrases,
  eligibilityIntent: phrases,
  checkinIntent: phrases,
  questionMarkers: phrases,
});

export type Command =
  | { kind: 'help' }
  | { kind: 'cancel' }
  | { kind: 'menu' }
  | { kind: 'handoff' }
  | { kind: 'back' }
  | { kind: 'language'; language: Language };

/** Phrase sets that dialogs test a whole message against. */
export type PhraseSet = 'skip' | 'next' | 'done' | 'resume' | 'yes' | 'no';

/** Folds case, width and the punctuation people put around a one-word command. */
export function foldCommandText(text: string): string {
  const nfkc = text.normalize('NFKC').toLowerCase().trim();
  const folded = nfkc.replace(/[\s\p{P}\p{S}]+/gu, '');
  // A command made only of punctuation ("?") keeps its punctuation.
  return folded === '' ? nfkc.replace(/\s+/g, '') : folded;
}

export interface CommandMatcher {
  /** A global command, when the whole message is one. */
  match(text: string | undefined): Command | undefined;
  /** Whether the whole message is one of the phrases of `set`. */
  is(set: PhraseSet, text: string | undefined): boolean;
  /** The rest of the message after a "how do I apply for" phrase, or undefined. */
  howToApply(text: string | undefined): string | undefined;
  /** Whether the message contains one of the phrases of an intent set anywhere in it. */
  mentions(set: 'eligibilityIntent' | 'checkinIntent', text: string | undefined): boolean;
  /** Whether the message reads as a question (a question mark or word anywhere in it). */
  asksSomething(text: string | undefined): boolean;
}

/** Loads locales/commands.json; a message is a command only when it is the whole message. */
export function loadCommands(root = projectRoot()): CommandMatcher {
  const parsed = schema.parse(JSON.parse(readFileSync(join(root, 'locales', 'commands.json'), 'utf8')));
  const table = new Map<string, Command>();
  const add = (list: string[], command: Command) => list.forEach((p) => table.set(foldCommandText(p), command));
  add(parsed.help, { kind: 'help' });
  add(parsed.cancel, { kind: 'cancel' });
  add(parsed.menu, { kind: 'menu' });
  add(parsed.handoff, { kind: 'handoff' });
  add(parsed.back, { kind: 'back' });
  for (const language of LANGUAGES) add(parsed.language[language], { kind: 'language', language });
  const sets = new Map<PhraseSet, Set<string>>(
    (['skip', 'next', 'done', 'resume', 'yes', 'no'] as const).map((k) => [k, new Set(parsed[k].map(foldCommandText))]),
  );
  // English words must stand alone ("how", not "show"); Chinese ones are matched anywhere.
  const markers = parsed.questionMarkers
    .map((m) => m.normalize('NFKC').toLowerCase())
    .map((m) => (/^[a-z ]+$/.test(m) ? new RegExp(`\\b${m}\\b`) : m));
  // Longest first, so "how do i apply for" is tried before "how do i apply".
  const prefixes = parsed.howToApply.map((p) => p.toLowerCase()).sort((a, b) => b.length - a.length);
  const fold = (text: string | undefined) => (text ? foldCommandText(text) : '');
  const intents = {
    eligibilityIntent: parsed.eligibilityIntent.map(foldCommandText),
    checkinIntent: parsed.checkinIntent.map(foldCommandText),
  };
  return {
    match: (text) => {
      const folded = fold(text);
      return folded === '' ? undefined : table.get(folded);
    },
    is: (set, text) => {
      const folded = fold(text);
      return folded !== '' && (sets.get(set)?.has(folded) ?? false);
    },
    mentions: (set, text) => {
      const folded = fold(text);
      return folded !== '' && intents[set].some((p) => folded.includes(p));
    },
    asksSomething: (text) => {
      const t = (text ?? '').normalize('NFKC').toLowerCase();
      return markers.some((m) => (typeof m === 'string' ? t.includes(m) : m.test(t)));
    },
    howToApply: (text) => {
      const t = (text ?? '').normalize('NFKC').trim().toLowerCase();
      const prefix = prefixes.find((p) => t.startsWith(p));
      const rest = prefix ? t.slice(prefix.length).trim() : '';
      return rest === '' ? undefined : rest;
    },
  };
}
