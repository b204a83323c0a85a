import { describe, expect, it } from 'vitest';
import { MemoryStorage } from 'botbuilder';
import { createHarness } from '../support/dialogHarness.js';

describe('application walkthrough', () => {
  it('goes through the steps one at a time, with back, done and a finish (zh-CN)', async () => {
    const h = await createHarness('zh-CN');
    await h.run([
      ['怎么申请低保', ['低保', '【怎么申请：', '第1步（共3步）']],
      ['上一步', ['这已经是第一步了', '第1步']],
      ['下一步', ['第2步（共3步）']],
      ['我办完了这步', ['第2步办完了', '第3步（共3步）']],
      ['下一步', ['全部步骤都走完了']],
      ['继续', ['还没有办到一半的申请']],
    ]);
  });

  it('keeps progress across a cancel and a restart, and "继续" picks up at the same step', async () => {
    const storage = new MemoryStorage();
    const first = await createHarness('zh-CN', storage);
    await first.run([
      ['怎么申请低保', ['低保', '【怎么申请：', '第1步']],
      ['下一步', ['第2步']],
      ['取消', ['已经取消了']],
    ]);
    // A new bot over the same store: what a restart of the server looks like to the user.
    const second = await createHarness('zh-CN', storage);
    await second.run([['继续', ['接着上次的', '第2步（共3步）']]]);
  });

  it('answers a question on the side and shows the same step again', async () => {
    const h = await createHarness('zh-CN');
    await h.run([
      ['怎么申请低保', ['低保', '【怎么申请：', '第1步']],
      ['低保是谁批的', ['【', '第1步']],
    ]);
  });

  it('starts from the button of an answer (en)', async () => {
    const h = await createHarness('en-US');
    await h.run([
      [{ text: 'How to apply', value: { action: 'walkthrough', entryId: 'rc-subsidy-approval' } }, ['How to apply:', 'Step 1 of']],
      ['next', ['Step 2 of']],
    ]);
  });
});

describe('check-in (报到)', () => {
  // The clock is fixed at 2026-11-21 12:00 in China.
  it.each([
    ['11月3号', '2026-12-03', '还有12天'],
    ['2026年11月3日', '2026-12-03', '还有12天'],
    ['11/3', '2026-12-03', '还有12天'],
    ['前天', '2026-12-19', '还有28天'],
  ])('works out the last day from "%s"', async (said, deadline, left) => {
    const h = await createHarness('zh-CN');
    await h.run([
      ['报到', ['哪天出狱']],
      [said, [deadline, '要我在截止前几天提醒您吗']],
      ['提醒我', ['已经记下']],
    ]);
    expect(h.reminders).toEqual([deadline]);
  });

  it('says how late it is and what that costs, and offers no reminder for a past deadline', async () => {
    const h = await createHarness('zh-CN');
    await h.run([['我上个月5号出来的 最晚哪天报到', ['已经晚了17天']]]);
    const text = h.lastReplies[0]?.text ?? '';
    expect(text).toContain('刑满释放证明书');
    expect(text).toContain('扣');
    expect(text).toContain('司法所');
    expect(h.reminders).toEqual([]);
  });

  it('handles a future release date (a family planning ahead)', async () => {
    const h = await createHarness('zh-CN');
    await h.run([
      ['报到', ['哪天出狱']],
      ['下个月10号', ['预计出狱日期：2026-12-10', '提醒']],
      ['不用了', ['不提醒']],
    ]);
  });

  it('re-asks with an example on a date it cannot read', async () => {
    const h = await createHarness('zh-CN');
    await h.run([
      ['报到', ['哪天出狱']],
      ['很久以前吧', ['没看懂这个日期', '哪天出狱']],
    ]);
  });

  it('works in English and traditional characters', async () => {
    const en = await createHarness('en-US');
    await en.run([
      ['Reporting (check-in)', ['On what day']],
      ['2 days ago', ['by 2026-12-19', 'remind you']],
    ]);
    const tw = await createHarness('zh-TW');
    await tw.run([
      ['報到', ['哪天出獄']],
      ['前天', ['2026-12-19', '提醒']],
    ]);
  });
});

describe('family path', () => {
  it('answers with what is written for families', async () => {
    const h = await createHarness('zh-CN');
    await h.run([
      ['家属帮助', ['您是家属']],
      ['去接人', ['接']],
    ]);
    expect(h.lastReplies[0]?.entities?.length).toBe(1);
  });

  it('works in English', async () => {
    const h = await createHarness('en-US');
    await h.run([
      ['For families', ['family member']],
      ['Help for children', ['']],
    ]);
    expect(h.lastReplies[0]?.text?.length ?? 0).toBeGreaterThan(50);
  });
});

describe('bringing in a person', () => {
  it('on request, from anywhere', async () => {
    const h = await createHarness('zh-CN');
    await h.run([
      ['我能申请什么', ['户口在哪个地方']],
      ['转人工', ['[handoff:requested]']],
    ]);
    expect(h.handoffs).toEqual(['requested']);
  });

  it('after two misunderstood messages in a row', async () => {
    const h = await createHarness('zh-CN');
    await h.run([
      ['阿巴阿巴', ['没有把握']],
      ['咕噜咕噜', ['没有把握', '连着两次没弄懂', '[handoff:misunderstood]']],
    ]);
    expect(h.handoffs).toEqual(['misunderstood']);
  });

  it('on a crisis, after the hotline', async () => {
    const h = await createHarness('zh-CN');
    await h.run([['我不想活了', ['12356', '[handoff:crisis]']]]);
    expect(h.handoffs).toEqual(['crisis']);
  });

  it('on a crisis in the middle of a guided conversation', async () => {
    const h = await createHarness('zh-CN');
    await h.run([
      ['我能申请什么', ['户口在哪个地方']],
      ['活着没意思 不想活了', ['12356', '[handoff:crisis]', '户口在哪个地方']],
    ]);
  });
});
