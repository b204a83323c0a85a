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
  language: z.object({ 'zh-CN': phrases, 'zh-TW': phrases, en: phrases }),
});

export type Command =
  | { kind: 'help' }
  | { kind: 'cancel' }
  | { kind: 'menu' }
  | { kind: 'handoff' }
  | { kind: 'language'; language: Language };

/** Folds case, width and the punctuation people put around a one-word command. */
export function foldCommandText(text: string): string {
  const nfkc = text.normalize('NFKC').toLowerCase().trim();
  const folded = nfkc.replace(/[\s\p{P}\p{S}]+/gu, '');
  // A command made only of punctuation ("?") keeps its punctuation.
  return folded === '' ? nfkc.replace(/\s+/g, '') : folded;
}

export interface CommandMatcher {
  match(text: string | undefined): Command | undefined;
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
  for (const language of LANGUAGES) add(parsed.language[language], { kind: 'language', language });
  return {
    match: (text) => {
      const folded = text ? foldCommandText(text) : '';
      return folded === '' ? undefined : table.get(folded);
    },
  };
}
