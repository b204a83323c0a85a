/**
 * Loading and checking the knowledge base.
 *
 * `loadKnowledgeBase` reads every YAML file in a folder and validates it against the schema; the
 * bot calls it at start-up. `checkPassages` additionally proves that each cited passage stands
 * verbatim in its source document; `npm run kb:check` runs both.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { entrySchema, type Entry } from './schema.js';

/** One problem in one knowledge-base file. */
export interface KbProblem {
  file: string;
  field: string;
  message: string;
}

/** Thrown when the knowledge base is not valid; lists every problem found, not just the first. */
export class KnowledgeBaseError extends Error {
  constructor(readonly problems: KbProblem[]) {
    super(
      `knowledge base invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.file}: ${p.field}: ${p.message}`).join('\n'),
    );
    this.name = 'KnowledgeBaseError';
  }
}

/** Parses and validates every `*.yaml` file in `dir`; collects the problems instead of stopping at one. */
export function readEntries(dir: string): { entries: Entry[]; problems: KbProblem[] } {
  const entries: Entry[] = [];
  const problems: KbProblem[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  for (const file of files) {
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(join(dir, file), 'utf8'));
    } catch (err) {
      problems.push({ file, field: '(yaml)', message: (err as Error).message.split('\n')[0] ?? '' });
      continue;
    }
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ file, field: issue.path.join('.') || '(entry)', message: issue.message });
      }
      continue;
    }
    const expectedId = file.replace(/\.ya?ml$/, '');
    if (parsed.data.id !== expectedId) {
      problems.push({ file, field: 'id', message: `must equal the file name (${expectedId})` });
    }
    entries.push(parsed.data);
  }
  const ids = new Set(entries.map((e) => e.id));
  for (const e of entries) {
    for (const r of e.related) {
      if (!ids.has(r)) problems.push({ file: `${e.id}.yaml`, field: 'related', message: `unknown entry ${r}` });
    }
    if (e.supersededBy && !ids.has(e.supersededBy)) {
      problems.push({ file: `${e.id}.yaml`, field: 'supersededBy', message: `unknown entry ${e.supersededBy}` });
    }
  }
  if (files.length === 0) problems.push({ file: dir, field: '(folder)', message: 'no entries found' });
  return { entries, problems };
}

/** Loads the knowledge base or throws a {@link KnowledgeBaseError} naming every bad file and field. */
export function loadKnowledgeBase(dir: string): Entry[] {
  const { entries, problems } = readEntries(dir);
  if (problems.length > 0) throw new KnowledgeBaseError(problems);
  return entries;
}

/** Collapses all white space so a passage may wrap differently from its source. */
export function squashSpace(s: string): string {
  return s.replace(/\s+/g, '');
}

/**
 * Checks that every cited passage is found verbatim (ignoring white space) in its source file,
 * looked up in each of `sourceDirs` (../shared/seeds and ../shared/sources).
 */
export function checkPassages(entries: Entry[], sourceDirs: string[]): KbProblem[] {
  const cache = new Map<string, string | null>();
  const text = (file: string): string | null => {
    if (!cache.has(file)) {
      const dir = sourceDirs.find((d) => existsSync(join(d, file)));
      cache.set(file, dir ? squashSpace(readFileSync(join(dir, file), 'utf8')) : null);
    }
    return cache.get(file) ?? null;
  };
  const problems: KbProblem[] = [];
  entries.forEach((e) =>
    e.sources.forEach((s, i) => {
      const body = text(s.file);
      if (body === null) {
        problems.push({ file: `${e.id}.yaml`, field: `sources.${i}.file`, message: `source file ${s.file} not found` });
      } else if (!body.includes(squashSpace(s.passage))) {
        problems.push({
          file: `${e.id}.yaml`,
          field: `sources.${i}.passage`,
          message: `passage not found verbatim in ${s.file}: "${s.passage.slice(0, 40)}…"`,
        });
      }
    }),
  );
  return problems;
}
