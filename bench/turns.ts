/**
 * `npm run bench:turns`: turn throughput and latency of the bot (state in PostgreSQL) against a
 * bare echo bot on the same restify + CloudAdapter stack, in the same run, with autocannon.
 *
 * Each request is a whole turn (`deliveryMode: expectReplies`) in one of many conversations, so
 * the bot reads and writes conversation and user state for every request.
 *
 * Options (environment): BENCH_DATABASE_URL (default: a fresh database on the local server; set
 * to "pglite" for the embedded one), BENCH_SECONDS (10), BENCH_CONNECTIONS (50),
 * BENCH_CONVERSATIONS (1000).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import pg from 'pg';
import { projectRoot } from '../bot/paths.js';
import { scenarios, type Scenario } from './scenarios.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
// The same Node flags as `npm start`, for both servers.
const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? '--max-semi-space-size=64').split(' ').filter(Boolean);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const conversations = Number(process.env.BENCH_CONVERSATIONS ?? 1000);
const adminUrl = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Served {
  child: ChildProcess;
  port: number;
}

async function serve(mode: 'bot' | 'echo', env: Record<string, string>): Promise<Served> {
  const child = spawn(process.execPath, [...NODE_FLAGS, '--import', 'tsx', join('bench', 'serve.ts'), mode], {
    cwd: projectRoot(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const { port } = JSON.parse(line) as { port: number };
    return { child, port };
  }
  throw new Error(`${mode} server exited before telling its port`);
}

function peakRssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function stop(served: Served): Promise<void> {
  served.child.kill('SIGTERM');
  await new Promise((resolve) => served.child.once('exit', resolve));
}

/** Runs one autocannon load against a server; each request is one turn of `scenario`. */
async function load(port: number, scenario: Scenario, label: string, duration = seconds) {
  let n = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/messages`,
    connections,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => {
          n += 1;
          const conversation = n % conversations;
          const turn = scenario.turns[Math.floor(n / conversations) % scenario.turns.length] ?? '';
          const text = scenario.unique ? `${turn} ${n}` : turn;
          return {
            ...req,
            body: JSON.stringify({
              type: 'message',
              text,
              channelId: 'bench',
              deliveryMode: 'expectReplies',
              conversation: { id: `${label}-${scenario.name}-${conversation}` },
              from: { id: `user-${conversation}` },
              recipient: { id: 'anbang' },
              locale: 'zh-CN',
            }),
          };
        },
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${label}: ${result.non2xx} non-2xx responses and ${result.errors} errors`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total };
}

async function main() {
  let databaseEnv: Record<string, string>;
  let dropDatabase = async () => undefined as void;
  if (process.env.BENCH_DATABASE_URL === 'pglite') {
    databaseEnv = { DATABASE_URL: '', DATA_DIR: mkdtempSync(join(tmpdir(), 'anbang-bench-')) };
  } else if (process.env.BENCH_DATABASE_URL) {
    databaseEnv = { DATABASE_URL: process.env.BENCH_DATABASE_URL };
  } else {
    const name = `anbang_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    databaseEnv = { DATABASE_URL: adminUrl.replace(/\/[^/]*$/, `/${name}`) };
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const store = databaseEnv.DATABASE_URL ? 'PostgreSQL server' : 'PGlite';
  process.stdout.write(
    `bench:turns — ${seconds}s per run, ${connections} connections, ${conversations} conversations, state in ${store}\n`,
  );

  const echo = await serve('echo', {});
  const bot = await serve('bot', databaseEnv);
  try {
    // Warm both up first (JIT, connection pools) so the figures describe the steady state.
    await load(echo.port, { name: 'echo', turns: ['帮助'] }, 'warmup', 2);
    await load(bot.port, scenarios[0]!, 'warmup', 2);
    const echoResult = await load(echo.port, { name: 'echo', turns: ['帮助'] }, 'echo');
    const rows: string[] = [];
    const fmt = (name: string, r: { rps: number; p50: number; p99: number; total: number }) =>
      `${name.padEnd(28)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.total).padStart(9)}`;
    rows.push(fmt('echo bot', echoResult));
    const summaries: string[] = [];
    for (const scenario of scenarios) {
      const r = await load(bot.port, scenario, 'bot');
      rows.push(fmt(`anbang: ${scenario.name}`, r));
      const ratio = r.rps / echoResult.rps;
      const p99x = r.p99 / Math.max(echoResult.p99, 1);
      summaries.push(
        `${scenario.name}: throughput ratio ${ratio.toFixed(2)} (target ≥ 0.6: ${ratio >= 0.6 ? 'met' : 'NOT met'}), ` +
          `p99 ${p99x.toFixed(1)}× echo (target ≤ 3×: ${p99x <= 3 ? 'met' : 'NOT met'})`,
      );
    }
    process.stdout.write(`\n${'run'.padEnd(28)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'requests'.padStart(9)}\n`);
    process.stdout.write(`${rows.join('\n')}\n\n${summaries.join('\n')}\n`);
    process.stdout.write(`peak RSS: anbang ${peakRssMb(bot.child.pid)} MB, echo ${peakRssMb(echo.child.pid)} MB\n`);
  } finally {
    await Promise.all([stop(echo), stop(bot)]);
    await dropDatabase();
  }
}

await main();
