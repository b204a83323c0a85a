import { describe, it } from 'vitest';
import { createHarness, type Turn } from '../support/dialogHarness.js';

async function runTurns(locale: string, turns: Turn[]) {
  const harness = await createHarness(locale);
  await harness.run(turns);
}

describe('main dialog (zh-CN)', () => {
  it.each<[string, Turn[]]>([
    ['help shows what the bot does and the menu', [['帮助', ['转人工']]]],
    ['cancel confirms and shows the menu', [['取消', ['已经取消了。\n1. 政策问答']]]],
    ['a menu number is understood', [['1', ['请直接说您的问题']]]],
    ['a question mark alone asks for help', [['？', ['转人工']]]],
        ['an unknown question gets an honest not-sure', [['阿巴阿巴 咕噜咕噜', ['没有把握']]]],
    ['an empty message gets a gentle nudge', [['   ', ['没看到文字']]]],
    ['a stray yes or skip is not looked up as a question', [['跳过', ['现在没有在问您问题']], ['是', ['现在没有在问您问题']]]],
    [
      'a language switch is remembered',
      [
        ['English', ["reply in English"]],
        ['帮助', ['talk to a person']],
        ['繁體', ['繁體中文']],
        ['help', ['轉人工']],
      ],
    ],
  ])('%s', async (_name, turns) => runTurns('zh-CN', turns));
});

describe('main dialog (en)', () => {
  it.each<[string, Turn[]]>([
    ['help', [['help', ['talk to a person']]]],
    ['cancel', [['cancel', ['cancelled.\n1. Policy questions']]]],
    ['menu label', [['Policy questions', ['Just type your question']]]],
    ['handoff', [['talk to a person', ['[handoff:requested]']]]],
    ['unknown question', [['blorp blorp zzzt', ["I'm not sure"]]]],
    ['a stray skip', [['skip', ["not waiting for an answer"]]]],
  ])('%s', async (_name, turns) => runTurns('en-US', turns));
});

describe('main dialog (zh-TW)', () => {
  it.each<[string, Turn[]]>([
    ['help', [['幫助', ['轉人工']]]],
    ['cancel', [['算了', ['已經取消了。\n1. 政策問答']]]],
  ])('%s', async (_name, turns) => runTurns('zh-TW', turns));
});
