import { describe, expect, it } from 'vitest';
import { testEngine } from '../support/testDatabase.js';
import { joined, message, textOf, useTestBot } from '../support/testApp.js';

type Reply = Record<string, unknown> & { suggestedActions?: { actions: Array<{ title: string; value: string }> } };

describe(`the bot over /api/messages (${testEngine()})`, () => {
  const s = useTestBot();

  it('welcomes a new member in Chinese with the main menu as suggested actions', async () => {
    const replies = (await s.bot.send(joined({ conversation: 'welcome' }))) as Reply[];
    expect(replies.length).toBe(2);
    expect(textOf(replies)).toContain('安帮');
    const actions = replies[1]?.suggestedActions?.actions ?? [];
    expect(actions.map((a) => a.title)).toEqual(['政策问答', '我能申请什么', '报到', '家属帮助', '找工作人员']);
    expect(actions.at(-1)?.value).toBe('handoff');
  });

  it('welcomes in English and in traditional characters when the locale says so', async () => {
    expect(textOf(await s.bot.send(joined({ conversation: 'w-en', locale: 'en-US' })))).toContain("I'm Anbang");
    expect(textOf(await s.bot.send(joined({ conversation: 'w-tw', locale: 'zh-TW' })))).toContain('安幫');
  });

  it('replies in the language of the message when there is no locale', async () => {
    expect(textOf(await s.bot.send(message('幫助', { conversation: 'script-tw', user: 'tw' })))).toContain('轉人工');
    expect(textOf(await s.bot.send(message('help', { conversation: 'script-en', user: 'en' })))).toContain('talk to a person');
  });

  it('remembers a language switch for the user, over the locale of later messages', async () => {
    const opts = { conversation: 'switch', user: 'switcher', locale: 'zh-CN' };
    expect(textOf(await s.bot.send(message('English', opts)))).toContain("I'll reply in English");
    expect(textOf(await s.bot.send(message('帮助', opts)))).toContain('talk to a person');
    expect(textOf(await s.bot.send(message('简体', opts)))).toContain('简体中文');
    expect(textOf(await s.bot.send(message('help', opts)))).toContain('转人工');
  });

  it('offers a person, never a guess, when it cannot answer', async () => {
    const replies = (await s.bot.send(message('阿巴阿巴 咕噜咕噜', { conversation: 'unsure' }))) as Reply[];
    expect(textOf(replies)).toContain('没有把握');
    expect(replies.some((r) => r.suggestedActions?.actions.some((a) => a.value === 'handoff'))).toBe(true);
    expect(replies.some((r) => Array.isArray(r.entities) && (r.entities as unknown[]).length > 0)).toBe(false);
  });

  it('answers a menu choice given by number or by label', async () => {
    expect(textOf(await s.bot.send(message('1', { conversation: 'menu' })))).toContain('请直接说您的问题');
    expect(textOf(await s.bot.send(message('政策问答', { conversation: 'menu' })))).toContain('请直接说您的问题');
  });

  it('keeps a remembered language across a restart of the server (state in the database)', async () => {
    const opts = { conversation: 'restart', user: 'restarter' };
    await s.bot.send(message('繁體', opts));
    await s.restart();
    expect(textOf(await s.bot.send(message('help', opts)))).toContain('轉人工');
  });

  it('reports database reachability on /healthz', async () => {
    const res = await fetch(`${s.bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: { kind: s.db.db.kind, reachable: true } });
  });
});
