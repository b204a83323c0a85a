import { describe, expect, it } from 'vitest';
import { testEngine } from '../support/testDatabase.js';
import { message, textOf, useTestBot } from '../support/testApp.js';
import { listReminderRequests } from '../../db/reminderRequests.js';

const NOW = new Date('2026-11-21T04:00:00Z');

describe(`guided conversations over /api/messages (${testEngine()})`, () => {
  const s = useTestBot({ now: () => NOW });

  const say = async (text: string, conversation: string, extra: Record<string, unknown> = {}) =>
    textOf(await s.bot.send({ ...message(text, { conversation, user: conversation }), ...extra }));

  it('carries an unfinished wizard across a restart of the server', async () => {
    const c = 'wizard-restart';
    expect(await say('我能申请什么', c)).toContain('户口在哪个地方');
    const afterRegion = await say('重庆荣昌 62岁', c);
    expect(afterRegion).toContain('记下了');
    await s.restart();
    // The wizard goes on where it was: the answer is taken as an answer, not as a new question.
    const next = await say('跳过', c);
    expect(next).toContain('这个先跳过');
    expect(next).not.toContain('户口在哪个地方');
  });

  it('leaves a wizard for the walkthrough whose button was pressed', async () => {
    const c = 'button-in-wizard';
    await say('我能申请什么', c);
    const text = await say('怎么申请', c, { value: { action: 'walkthrough', entryId: 'rc-subsidy-approval' } });
    expect(text).toContain('第1步');
    expect(await say('下一步', c)).toContain('第2步');
  });

  it('leaves a wizard for another menu choice given by name', async () => {
    const c = 'menu-in-wizard';
    await say('我能申请什么', c);
    expect(await say('报到', c)).toContain('哪天出狱');
    expect(await say('11月3号', c)).toContain('2026-12-03');
  });

  it('keeps a requested check-in reminder in the database for the notifier', async () => {
    const c = 'checkin-reminder';
    expect(await say('报到', c)).toContain('哪天出狱');
    expect(await say('11月3号', c)).toContain('2026-12-03');
    expect(await say('提醒我', c)).toContain('已经记下');
    expect(await say('报到', c)).toContain('哪天出狱');
    await say('11月3号', c);
    await say('提醒我', c);
    // Asked twice, kept once.
    expect(await listReminderRequests(s.db.db, `test/${c}`)).toEqual([{ kind: 'checkin', dueDate: '2026-12-03', language: 'zh-CN' }]);
  });
});

describe(`handoff from the conversation (${testEngine()})`, () => {
  const s = useTestBot({ now: () => NOW });

  it('opens a ticket with the transcript so far, and passes later messages to it', async () => {
    const c = { conversation: 'to-person', user: 'to-person' };
    await s.bot.send(message('报到要带什么', c));
    expect(textOf(await s.bot.send(message('转人工', c)))).toContain('转给工作人员');
    expect(textOf(await s.bot.send(message('我还想问问低保', c)))).toContain('已经转给工作人员了');
    const [ticket] = await s.bot.app.handoff.list('open');
    expect(ticket).toBeDefined();
    const { ticket: full, messages } = await s.bot.app.handoff.get(ticket!.id);
    expect(full.reason).toBe('requested');
    expect(full.transcript.map((l) => l.text).join('\n')).toContain('报到要带什么');
    expect(messages.map((m) => m.text)).toContain('我还想问问低保');
  });

  it('still gives the hotline at once when a crisis message arrives while a ticket is open', async () => {
    const c = { conversation: 'crisis-in-ticket', user: 'crisis-in-ticket' };
    await s.bot.send(message('转人工', c));
    const replies = await s.bot.send(message('我不想活了', c));
    expect(String(replies[0]?.text)).toContain('12356');
    expect(textOf(replies)).toContain('已经转给工作人员了');
  });

  it('opens a ticket after a crisis message, marked as a crisis', async () => {
    const c = { conversation: 'crisis-ticket', user: 'crisis-ticket' };
    const replies = await s.bot.send(message('活着没意思 想一了百了', c));
    expect(String(replies[0]?.text)).toContain('12356');
    const open = await s.bot.app.handoff.list('open');
    const tickets = await Promise.all(open.map((summary) => s.bot.app.handoff.get(summary.id)));
    expect(tickets.some((x) => x.ticket.reason === 'crisis' && x.ticket.conversationKey === 'test/crisis-ticket')).toBe(true);
  });
});
