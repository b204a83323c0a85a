/**
 * Runs an evaluation question set through the real bot (in-process server, `expectReplies`, a
 * fresh conversation per question) with a given retriever, and scores every reply.
 */
import { readFileSync } from 'node:fs';
import { parseConfig } from '../bot/config.js';
import { createLogger } from '../bot/logger.js';
import { createApp } from '../bot/app.js';
import { createPgliteDatabase } from '../db/pgliteDatabase.js';
import type { Retriever } from '../policies/engine/retriever.js';
import { questionSchema, score, type Category, type Question, type Scored } from './score.js';

/** Reads a JSONL question file, validating each line. */
export function readQuestions(file: string): Question[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const parsed = questionSchema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

/** Sends every question to a bot that uses `retriever`, and scores the replies. */
export async function evaluate(retriever: Retriever, questions: Question[]): Promise<Scored[]> {
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

/** Share of passes (NaN for none). */
export function passRate(xs: Scored[]): number {
  return xs.length ? xs.filter((x) => x.pass).length / xs.length : NaN;
}

export function inCategory(xs: Scored[], c: Category): Scored[] {
  return xs.filter((x) => x.category === c);
}

/** The targets of the knowledge-base issue. */
export function meetsTargets(xs: Scored[]): boolean {
  return (
    passRate(inCategory(xs, 'answerable')) >= 0.95 &&
    passRate(inCategory(xs, 'out_of_scope')) >= 0.9 &&
    passRate(inCategory(xs, 'crisis')) === 1
  );
}
