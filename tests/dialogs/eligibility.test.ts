import { describe, expect, it } from 'vitest';
import { createHarness } from '../support/dialogHarness.js';

// The wizard asks the fact that decides the most programs next; these tables follow it.
describe('eligibility wizard (zh-CN)', () => {
  it('takes several facts from one message, asks only what is missing, and explains the result', async () => {
    const h = await createHarness('zh-CN');
    await h.run([
      // The typed question is answered first, then the wizard starts.
      ['我62了 农村户口 没有劳动能力 也没有子女 能申请什么', ['出处', '我问您几个简单的问题']],
      ['重庆荣昌', ['记下了：重庆荣昌', '收入']],
      ['是', ['刑满释放，还是社区矫正']],
      ['监狱', ['有家可回']],
      ['没有', ['交过社保']],
      ['跳过', ['这个先跳过', '？']],
      ['跳过', ['这个先跳过', '？']],
      ['跳过', ['这个先跳过', '？']],
      // At most eight questions: then the result.
      ['跳过', ['这个先跳过', '您很可能可以申请']],
    ]);
    const result = h.lastReplies.at(-1);
    expect(result?.text).toContain('特困人员供养');
    expect(result?.text).toContain('因为：');
    expect(result?.text).toContain('60岁以上');
    expect(result?.text).toContain('可能可以申请，要看');
    // Every program shown is cited, and each can be walked through.
    const citation = (result?.entities?.[0] as { citation?: unknown[] } | undefined)?.citation ?? [];
    expect(citation.length).toBeGreaterThan(3);
    const actions = result?.suggestedActions?.actions ?? [];
    expect(actions.filter((a) => a.type === 'postBack').length).toBeGreaterThan(0);
    expect(actions.some((a) => a.value === 'handoff')).toBe(true);
  });

  it('lets the person correct a fact and go back a question', async () => {
    const h = await createHarness('zh-CN');
    await h.run([
      ['我能申请什么', ['户口在哪个地方']],
      ['我在郑州 农村户口', ['记下了：郑州，农村户口', '？']],
      ['不对，我是城镇户口', ['已改成：城镇户口', '？']],
      ['上一步', ['？']],
    ]);
  });

  it('re-asks with a hint on an absurd, empty, emoji-only or enormous answer, and loses nothing', async () => {
    const h = await createHarness('zh-CN');
    await h.run([
      ['我能申请什么', ['户口在哪个地方']],
      ['重庆荣昌', ['记下了', '？']],
      ['我300岁了', ['年龄好像不对', '？']],
      ['😀😀😀', ['请回答', '？']],
      // Not a question to look up, and not an answer either.
      ['下一步', ['请回答', '？']],
      ['啊'.repeat(10_000), ['请回答', '？']],
    ]);
    // The region given before the bad answers is still known: the wizard did not ask again.
    expect(h.lastReplies.at(-1)?.text).not.toContain('户口在哪个地方');
  });

  it('answers a policy question asked in the middle, then asks its own question again', async () => {
    const h = await createHarness('zh-CN');
    await h.run([
      ['我能申请什么', ['户口在哪个地方']],
      ['刚出狱 多少天内要去报到', ['30', '户口在哪个地方']],
    ]);
    const answer = h.lastReplies[0];
    expect((answer?.entities?.[0] as { citation?: unknown[] } | undefined)?.citation?.length).toBeGreaterThan(0);
  });

  it('stops on cancel and returns to the menu', async () => {
    const h = await createHarness('zh-CN');
    await h.run([
      ['我能申请什么', ['户口在哪个地方']],
      ['算了', ['已经取消了']],
      ['帮助', ['转人工']],
    ]);
  });
});

describe('eligibility wizard (en, zh-TW)', () => {
  it('runs in English', async () => {
    const h = await createHarness('en-US');
    await h.run([
      ['What can I apply for', ['a few simple questions']],
      ["I'm 62, rural hukou, I can't work", ['Noted', '?']],
      ['skip', ['skip that one', '?']],
    ]);
  });

  it('runs in traditional characters', async () => {
    const h = await createHarness('zh-TW');
    await h.run([
      ['我能申請什麼', ['我問您幾個簡單的問題']],
      ['重慶榮昌', ['記下了', '？']],
    ]);
  });
});
