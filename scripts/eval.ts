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
import { sharedDir } from '../bot/paths.js';
import { join } from 'node:path';
import { defaultKnowledge } from '../bot/app.js';
import { createMiniSearchBaseline, createNlpJsBaseline } from '../eval/baselines.js';
import { evaluate, inCategory, meetsTargets, passRate, readQuestions } from '../eval/runEval.js';
import type { Category, Scored } from '../eval/score.js';

const shared = sharedDir();
const argAt = process.argv.indexOf('--questions');
const file = argAt >= 0 ? (process.argv[argAt + 1] ?? '') : join(shared, 'eval', 'dev-questions.jsonl');
const questions = readQuestions(file);
const out = (s = ''): void => void process.stdout.write(`${s}\n`);
const pct = (xs: Scored[]) =>
  xs.length ? `${(100 * passRate(xs)).toFixed(1)}% (${xs.filter((x) => x.pass).length}/${xs.length})` : 'n/a';
const of = (xs: Scored[], c: Category) => inCategory(xs, c);

function groupBy(xs: Scored[], key: (x: Scored) => string): Map<string, Scored[]> {
  const m = new Map<string, Scored[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return new Map([...m].sort(([a], [b]) => a.localeCompare(b)));
}

const { entries, retriever: ours } = defaultKnowledge();
const started = Date.now();
const runs: Array<[string, Scored[]]> = [
  ['anbang (ours)', await evaluate(ours, questions)],
  ['node-nlp intents', await evaluate(await createNlpJsBaseline(entries), questions)],
  ['minisearch', await evaluate(createMiniSearchBaseline(entries), questions)],
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
  meetsTargets(mine) && runs.slice(1).every(([, xs]) => passRate(of(xs, 'answerable')) < passRate(of(mine, 'answerable')));
out(met ? 'targets met' : 'TARGETS NOT MET');
process.exitCode = met ? 0 : 1;
