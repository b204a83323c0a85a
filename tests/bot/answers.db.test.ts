import { describe, expect, it } from 'vitest';
import { testEngine } from '../support/testDatabase.js';
import { message, textOf, useTestBot } from '../support/testApp.js';
import { CITATION_ENTITY_TYPE, type CitationClaim } from '../../policies/citation.js';
import { MAX_FOLLOW_UPS } from '../../bot/policyAnswerer.js';

interface Reply {
  type: string;
  text?: string;
  entities?: Array<{ type: string; '@type'?: string; citation?: CitationClaim[] }>;
  suggestedActions?: { actions: Array<{ title: string; value: unknown }> };
}

const citations = (replies: Reply[]) =>
  replies.flatMap((r) => (r.entities ?? []).filter((e) => e.type === CITATION_ENTITY_TYPE).flatMap((e) => e.citation ?? []));
const actions = (replies: Reply[]) => replies.flatMap((r) => r.suggestedActions?.actions ?? []);
const offersHandoff = (replies: Reply[]) => actions(replies).some((a) => a.value === 'handoff');

describe(`answers from the knowledge base (${testEngine()})`, () => {
  const s = useTestBot();
  let n = 0;
  const ask = async (text: string, opts: { locale?: string; conversation?: string } = {}) =>
    (await s.bot.send(message(text, { conversation: opts.conversation ?? `answers-${n++}`, user: opts.conversation ?? `u-${n}`, ...opts }))) as unknown as Reply[];


  it('answers with the facts, the source document and the schema.org citation entity', async () => {
    const replies = await ask('刚放出来 要去哪里报到 带什么');
    const text = textOf(replies as never);
    expect(text).toContain('30');
    expect(text).toContain('司法所');
    expect(text).toContain('刑满释放证明书');
    expect(text).toContain('出处');
    const [claim] = citations(replies);
    expect(claim?.['@type']).toBe('Claim');
    expect(claim?.position).toBe(1);
    expect(claim?.appearance.name).toContain('荣昌府发〔2015〕20号');
    expect(claim?.appearance.abstract).toContain('30日内持刑满释放证明书');
    const entity = replies.flatMap((r) => r.entities ?? []).find((e) => e.type === CITATION_ENTITY_TYPE);
    expect(entity).toMatchObject({ '@type': 'Message', '@context': 'https://schema.org', '@id': '' });
  });

  it('offers at most three follow-ups, and a person', async () => {
    const replies = await ask('低保怎么申请');
    const followUps = actions(replies).filter((a) => typeof a.value === 'string' && a.value !== 'handoff');
    expect(followUps.length).toBeGreaterThan(0);
    expect(followUps.length).toBeLessThanOrEqual(MAX_FOLLOW_UPS);
    expect(offersHandoff(replies)).toBe(true);
  });

  it('answers English and traditional-Chinese questions from the same entries', async () => {
    const en = await ask('Where do I have to report after I get out of prison?', { locale: 'en-US' });
    expect(textOf(en as never)).toMatch(/30 days/);
    expect(citations(en).length).toBeGreaterThan(0);
    const tw = await ask('出獄以後要去哪裡報到', { locale: 'zh-TW' });
    expect(textOf(tw as never)).toContain('報到');
    expect(textOf(tw as never)).toContain('司法所');
    expect(citations(tw).length).toBeGreaterThan(0);
  });

  it('says plainly when it is not sure, offers a person and cites nothing', async () => {
    const replies = await ask('阿巴阿巴 咕噜咕噜 嘀嘀');
    expect(textOf(replies as never)).toContain('没有把握');
    expect(offersHandoff(replies)).toBe(true);
    expect(citations(replies)).toEqual([]);
  });

  it.each([
    ['zh-CN', '我真的不想活了 活着没意思'],
    ['zh-TW', '我撐不下去了 想一了百了'],
    ['en-US', 'I want to kill myself'],
  ])('answers a crisis (%s) first with 12356 and a person, without a citation', async (locale, text) => {
    const replies = await ask(text, { locale });
    expect(replies[0]?.text).toContain('12356');
    expect(offersHandoff(replies.slice(0, 1))).toBe(true);
    expect(citations(replies)).toEqual([]);
  });

  it('puts the crisis first even inside a policy question', async () => {
    const replies = await ask('低保申请不下来 我不想活了');
    expect(replies[0]?.text).toContain('12356');
  });

  it.each([
    ['weather', '明天北京天气怎么样'],
    ['another person’s data', '帮我查一下我前妻的手机号和住址'],
    ['an appeal against the conviction', '我是冤枉的 想申诉翻案 怎么弄'],
  ])('declines %s politely, without a citation', async (_what, text) => {
    const replies = await ask(text);
    expect(replies.length).toBeGreaterThan(0);
    expect(citations(replies)).toEqual([]);
  });

  it('points to 12348 when what they need is legal help', async () => {
    expect(textOf((await ask('我想申诉 法院判错了')) as never)).toContain('12348');
  });

  it('puts the rules of the user’s region first and remembers the region', async () => {
    const conversation = 'region-memory';
    const first = await ask('我在郑州 什么样的人算重点帮教对象', { conversation });
    expect(textOf(first as never)).toContain('郑州');
    // The next question does not name the region; it is remembered for this user.
    const later = await ask('低保找谁申请', { conversation });
    expect(textOf(later as never).split('\n')[1]).toContain('郑州');
  });

  it('says so when only another region’s rule is known', async () => {
    const replies = await ask('我在上海 出狱以后过渡性困难生活补助金能领几个月');
    const text = textOf(replies as never);
    expect(text).toContain('重庆荣昌');
    expect(text).toContain('您在上海');
  });

  it('says which region a local rule belongs to when the user’s region is unknown', async () => {
    const text = textOf((await ask('晚报到补助金会扣吗')) as never);
    expect(text).toContain('这是重庆荣昌的规定');
  });
});

describe(`crisis signals said in other words (${testEngine()})`, () => {
  const s = useTestBot();

  it.each(['活着太累了 不想再撑了', '我撑不住了', "I'm tired of living"])('gives the hotline first for "%s"', async (text) => {
    const replies = (await s.bot.send(message(text, { conversation: `crisis-${text}` }))) as unknown as Reply[];
    expect(replies[0]?.text).toContain('12356');
  });

  it('after the hotline, still answers the question the message asked', async () => {
    const replies = (await s.bot.send(message('找不到工作 失业金能领吗 我真的撑不下去了', { conversation: 'crisis-and-question' }))) as unknown as Reply[];
    expect(replies[0]?.text).toContain('12356');
    expect(textOf(replies as never)).toContain('失业保险');
    expect(citations(replies).length).toBeGreaterThan(0);
  });

  it('declines to say where a neighbour lives', async () => {
    const replies = (await s.bot.send(message('我想知道我隔壁那个刑满释放的住哪', { conversation: 'neighbour' }))) as unknown as Reply[];
    expect(citations(replies)).toEqual([]);
    expect(textOf(replies as never)).toContain('不能');
  });
});
