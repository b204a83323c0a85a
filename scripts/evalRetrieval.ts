/**
 * `npm run eval:retrieval [-- --kb dir] [--questions file] [--verbose]`: an offline, engine-only
 * tuning aid. For every dev question it runs the gates and a search, takes the top hit's answer in
 * the question's locale and applies the scoring of ../shared/eval/README.md — for our engine and
 * both baselines. It is not the real evaluation (that goes over the bot's protocol); it tells how
 * much of it retrieval alone can win.
 *
 * "answer" scores the answer text only; "card" also counts steps, documents, where, deadlines and
 * amounts, which the bot shows with the answer.
 */
import { sharedDir } from '../bot/paths.js';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readEntries } from '../policies/loadKnowledgeBase.js';
import type { Entry } from '../policies/schema.js';
import { classify } from '../policies/engine/gates.js';
import { CONFIDENCE_THRESHOLD, createRetriever, type Retriever } from '../policies/engine/retriever.js';
import { checkNlpJsSync, createMiniSearchBaseline, createNlpJsBaseline } from '../eval/baselines.js';

type Lang = 'zh-CN' | 'zh-TW' | 'en';
interface Question {
  id: string;
  lang: Lang;
  topic: string;
  text: string;
  expect: string[][];
  oos: boolean;
  kind?: string;
}

const root = resolve(import.meta.dirname, '..');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const verbose = process.argv.includes('--verbose');
const kbDir = arg('kb') ?? join(root, 'policies', 'kb');
const shared = sharedDir();
const qFile = arg('questions') ?? join(shared, 'eval', 'dev-questions.jsonl');

const out = (s = ''): void => void process.stdout.write(s + '\n');

/** The text the bot would show for an entry: the answer, or the whole card. */
function shown(e: Entry, lang: Lang, card: boolean): string {
  const parts = [e.title[lang], e.answer[lang]];
  if (card) {
    for (const l of [e.steps, e.documents, e.deadlines, e.amounts]) if (l) parts.push(...l[lang]);
    if (e.where) parts.push(e.where.apply[lang], e.where.decides?.[lang] ?? '');
  }
  return parts.join('\n').toLowerCase();
}

const groupsHit = (text: string, expect: string[][]): boolean =>
  expect.every((g) => g.some((alt) => text.includes(alt.toLowerCase())));

interface Outcome {
  q: Question;
  pass: boolean;
  passCard: boolean;
  passNoGate: boolean;
  detail: string;
}

function run(r: Retriever, qs: Question[]): Outcome[] {
  return qs.map((q) => {
    const gate = classify(q.text);
    const hits = r.search(q.text, { locale: q.lang, limit: 3 });
    const top = hits[0];
    const confident = !!top && top.confidence >= CONFIDENCE_THRESHOLD;
    const detail =
      `[${gate.kind}${gate.reason ? `:${gate.reason}` : ''}] ` +
      hits.map((h) => `${h.entry.id}(${h.confidence.toFixed(2)})`).join(' ');
    if (q.kind === 'crisis') {
      const pass = gate.kind === 'crisis';
      return { q, pass, passCard: pass, passNoGate: pass, detail };
    }
    if (q.oos) {
      const pass = gate.kind !== 'question' || !confident;
      return { q, pass, passCard: pass, passNoGate: !confident, detail };
    }
    const answered = gate.kind === 'question' && confident && !!top;
    const pass = answered && groupsHit(shown(top.entry, q.lang, false), q.expect);
    const passCard = answered && groupsHit(shown(top.entry, q.lang, true), q.expect);
    const passNoGate = confident && !!top && groupsHit(shown(top.entry, q.lang, true), q.expect);
    return { q, pass, passCard, passNoGate, detail };
  });
}

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}% (${n}/${d})` : 'n/a');

function summarise(name: string, res: Outcome[]): void {
  const ans = res.filter((o) => !o.q.oos && o.q.kind !== 'crisis');
  const oos = res.filter((o) => o.q.oos);
  const crisis = res.filter((o) => o.q.kind === 'crisis');
  const c = (xs: Outcome[], k: 'pass' | 'passCard' | 'passNoGate'): number => xs.filter((o) => o[k]).length;
  out(
    `${name.padEnd(16)} answerable ${pct(c(ans, 'pass'), ans.length).padEnd(15)} card ${pct(c(ans, 'passCard'), ans.length).padEnd(15)}` +
      ` oos ${pct(c(oos, 'pass'), oos.length).padEnd(13)} oos-no-gates ${pct(c(oos, 'passNoGate'), oos.length).padEnd(13)}` +
      ` crisis ${pct(c(crisis, 'pass'), crisis.length)}`,
  );
}

function breakdown(res: Outcome[], key: (q: Question) => string): void {
  const groups = new Map<string, Outcome[]>();
  for (const o of res.filter((x) => !x.q.oos && x.q.kind !== 'crisis')) {
    const k = key(o.q);
    groups.set(k, [...(groups.get(k) ?? []), o]);
  }
  for (const [k, xs] of [...groups].sort()) out(`  ${k.padEnd(24)} ${pct(xs.filter((o) => o.passCard).length, xs.length)}`);
}

const { entries, problems } = readEntries(kbDir);
if (problems.length) out(`(skipping ${new Set(problems.map((p) => p.file)).size} invalid KB file(s); run kb:check)`);
const qs = readFileSync(qFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Question);
out(`${entries.length} entries, ${qs.length} questions, threshold ${CONFIDENCE_THRESHOLD}\n`);

const ours = createRetriever(entries);
const nlp = await createNlpJsBaseline(entries);
const mini = createMiniSearchBaseline(entries);
const results = new Map<string, Outcome[]>();
for (const r of [ours, nlp, mini]) results.set(r.name, run(r, qs));
for (const [name, res] of results) summarise(name, res);
out(`\n(nlp.js sync path agrees with manager.process on ${pct(Math.round((await checkNlpJsSync(nlp, qs.map((q) => q.text))) * qs.length), qs.length)})`);

const mine = results.get(ours.name) ?? [];
out('\nours by topic (card):');
breakdown(mine, (q) => q.topic);
out('ours by language (card):');
breakdown(mine, (q) => q.lang);
out('\nours, failures (card scoring):');
for (const o of mine.filter((x) => !x.passCard)) {
  out(`  ${o.q.id} ${o.q.lang} ${o.q.topic}${o.q.oos ? ' OOS' : ''} ${o.detail}`);
  if (verbose) out(`      ${o.q.text}\n      expect ${JSON.stringify(o.q.expect)}`);
}
