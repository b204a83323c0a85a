import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sharedDir } from '../../bot/paths.js';
import { defaultKnowledge } from '../../bot/app.js';
import { createMiniSearchBaseline } from '../../eval/baselines.js';
import { evaluate, inCategory, meetsTargets, passRate, readQuestions } from '../../eval/runEval.js';

// The development question set, through the real bot: a regression guard for the targets of the
// knowledge-base issue. (`npm run eval` prints the full report, with the node-nlp baseline too.)
const questions = readQuestions(join(sharedDir(), 'eval', 'dev-questions.jsonl'));

describe('the development question set', () => {
  it('meets the targets and beats a plain full-text index', async () => {
    const { entries, retriever } = defaultKnowledge();
    const ours = await evaluate(retriever, questions);
    const failures = ours.filter((x) => !x.pass).map((x) => `${x.question.id}: ${x.why}`);
    expect(meetsTargets(ours), failures.join('\n')).toBe(true);
    const baseline = await evaluate(createMiniSearchBaseline(entries), questions);
    expect(passRate(inCategory(ours, 'answerable'))).toBeGreaterThan(passRate(inCategory(baseline, 'answerable')));
  }, 120_000);
});
