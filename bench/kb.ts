/**
 * `npm run bench:kb`: cost of the knowledge base and its index in process — load time, build
 * time, heap and RSS — and retrieval latency (gates + search) over every dev question, measured
 * after a warm-up. Run with `node --expose-gc` (tsx passes it through) for steadier heap figures.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readEntries } from '../policies/loadKnowledgeBase.js';
import { classify } from '../policies/engine/gates.js';
import { createRetriever } from '../policies/engine/retriever.js';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(process.env.SHARED_DIR ?? join(root, '..', 'shared'));
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 50);
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

gc();
const before = process.memoryUsage();
let t = performance.now();
const { entries } = readEntries(join(root, 'policies', 'kb'));
const loadMs = performance.now() - t;
t = performance.now();
const retriever = createRetriever(entries);
const buildMs = performance.now() - t;
gc();
const after = process.memoryUsage();

const texts = readFileSync(join(shared, 'eval', 'dev-questions.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);

const run = (text: string): void => {
  if (classify(text).kind === 'question') retriever.search(text, { locale: 'zh-CN', limit: 5 });
};
for (let i = 0; i < 5; i++) texts.forEach(run);
const samples: number[] = [];
for (let i = 0; i < ITERATIONS; i++) {
  for (const text of texts) {
    const s = performance.now();
    run(text);
    samples.push(performance.now() - s);
  }
}
samples.sort((a, b) => a - b);
const q = (p: number): string => `${(samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? 0).toFixed(3)} ms`;

const rows: Array<[string, string]> = [
  ['entries', String(entries.length)],
  ['load (read + validate YAML)', `${loadMs.toFixed(1)} ms`],
  ['build index (incl. jieba + lexicons)', `${buildMs.toFixed(1)} ms`],
  ['heap used, KB + index', mb(after.heapUsed - before.heapUsed)],
  ['RSS growth, KB + index', mb(after.rss - before.rss)],
  ['RSS total', mb(after.rss)],
  [`queries timed (${texts.length} × ${ITERATIONS})`, String(samples.length)],
  ['latency p50 (gates + search)', q(0.5)],
  ['latency p90', q(0.9)],
  ['latency p99', q(0.99)],
  ['latency max', q(1)],
];
const w = Math.max(...rows.map((r) => r[0].length));
process.stdout.write(rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n') + '\n');
