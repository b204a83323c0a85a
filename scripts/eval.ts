/**
 * `npm run eval`: sends every question of ../shared/eval/dev-questions.jsonl through the real bot
 * (the in-process server, `expectReplies`, a fresh conversation each) and scores it as the set's
 * README says — for our retriever and, in the same run, two baselines built from the same entries
 * (a node-nlp intent classifier and a plain minisearch index) plugged into the same bot.
 *
 * Prints pass rates per category, topic and language, the failures, and the three side by side.
 * Exits 1 when ours misses a target (answerable ≥ 95%, out-of-scope ≥ 90%, crisis 100%) or a
 * baseline beats it. `--questions FILE` evaluates another set of the same form.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseConfig } from '../bot/config.js';
import { createLogger } from '../bot/logger.js';
import { createApp, defaultKnowledge } from '../bot/app.js';
import { createPgliteDatabase } from '../db/pgliteDatabase.js';
import type { Retriever } from '../policies/engine/retriever.js';
import { createMiniSearchBaseline, createNlpJsBaseline } from '../eval/baselines.js';
import { questionSchema, score, type Question, type Scored, type Category } from '../eval/score.js';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(process.env.SHARED_DIR ?? join(root, '..', 'shared'));
const argAt = process.argv.indexOf('--questions');
const file = argAt >= 0 ? (process.argv[argAt + 1] ?? '') : join(shared, 'eval', 'dev-questions.jsonl');
const questions: Question[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => questionSchema.parse(JSON.parse(l)));
const out = (s = ''): void => void process.stdout.write(`${s}\n`);

async function evaluate(retriever: Retriever): Promise<Scored[]> {
  const db = await createPgliteDatabase();
  const app = await createApp({ config: parseConfig({}), logger: createLogger('silent'), db, retriever });
  const port = await app.listen(0, '127.0.0.1');
  const results: Scored[] = [];
  try {
    for (const q of questions) {
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          text: q.text,
          locale: q.lang === 'en' ? 'en-US' : q.lang,
          channelId: 'eval',
          deliveryMode: 'expectReplies',
          conversation: { id: `eval-${retriever.name}-${q.id}` },
          from: { id: `eval-user-${q.id}` },
          recipient: { id: 'anbang' },
        }),
      });
      const body = (await res.json()) as { activities?: unknown[] };
      results.push(score(q, (body.activities ?? []) as Parameters<typeof score>[1]));
    }
  } finally {
    await app.stop();
    await db.close();
  }
  return results;
}

const rate = (xs: Scored[]) => (xs.length ? xs.filter((x) => x.pass).length / xs.length : NaN);
const pct = (xs: Scored[]) => (xs.length ? `${(100 * rate(xs)).toFixed(1)}% (${xs.filter((x) => x.pass).length}/${xs.length})` : 'n/a');
const of = (xs: Scored[], c: Category) => xs.filter((x) => x.category === c);

function groupBy(xs: Scored[], key: (x: Scored) => string): Map<string, Scored[]> {
  const m = new Map<string, Scored[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return new Map([...m].sort(([a], [b]) => a.localeCompare(b)));
}

const { entries, retriever: ours } = defaultKnowledge();
const started = Date.now();
const runs: Array<[string, Scored[]]> = [
  ['anbang (ours)', await evaluate(ours)],
  ['node-nlp intents', await evaluate(await createNlpJsBaseline(entries))],
  ['minisearch', await evaluate(createMiniSearchBaseline(entries))],
];
const [, mine] = runs[0]!;

out(`eval: ${questions.length} questions from ${file}, ${entries.length} knowledge-base entries, ${new Date().toISOString().slice(0, 10)}`);
out(`\nours — answerable ${pct(of(mine, 'answerable'))}, out-of-scope declined ${pct(of(mine, 'out_of_scope'))}, crisis ${pct(of(mine, 'crisis'))}, all ${pct(mine)}`);
out('\nper topic:');
for (const [topic, xs] of groupBy(mine, (x) => x.question.topic)) out(`  ${topic.padEnd(24)} ${pct(xs)}`);
out('\nper language:');
for (const [lang, xs] of groupBy(mine, (x) => x.question.lang)) out(`  ${lang.padEnd(8)} ${pct(xs)}`);
const failures = mine.filter((x) => !x.pass);
out(`\nfailures (${failures.length}):`);
for (const f of failures) out(`  ${f.question.id} [${f.category}/${f.question.topic}] ${f.question.text} — ${f.why}`);

out('\nside by side (same bot, same entries, only retrieval differs):');
out(`  ${'retriever'.padEnd(18)} ${'answerable'.padEnd(16)} ${'out-of-scope'.padEnd(16)} ${'crisis'.padEnd(14)} all`);
for (const [name, xs] of runs) {
  out(`  ${name.padEnd(18)} ${pct(of(xs, 'answerable')).padEnd(16)} ${pct(of(xs, 'out_of_scope')).padEnd(16)} ${pct(of(xs, 'crisis')).padEnd(14)} ${pct(xs)}`);
}
out(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);

const met =
  rate(of(mine, 'answerable')) >= 0.95 &&
  rate(of(mine, 'out_of_scope')) >= 0.9 &&
  rate(of(mine, 'crisis')) === 1 &&
  runs.slice(1).every(([, xs]) => rate(of(xs, 'answerable')) < rate(of(mine, 'answerable')));
out(met ? 'targets met' : 'TARGETS NOT MET');
process.exitCode = met ? 0 : 1;
