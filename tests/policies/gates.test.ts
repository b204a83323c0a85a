import { describe, expect, it } from 'vitest';
import { classify } from '../../policies/engine/gates.js';

const kind = (t: string) => classify(t).kind;

describe('gates: crisis', () => {
  it('catches self-harm signals in Simplified Chinese', () => {
    for (const t of ['活着真没意思', '我不想再活了', '真想一了百了', '找不到工作 想去跳楼', '撑不下去了 想死'])
      expect(kind(t), t).toBe('crisis');
  });

  it('catches them in Traditional Chinese', () => {
    for (const t of ['我真的撐不下去了', '活著沒意思', '想自殺']) expect(kind(t), t).toBe('crisis');
  });

  it('catches them in English', () => {
    for (const t of ['I want to kill myself', "honestly I don't see the point in living", 'thinking about suicide'])
      expect(kind(t), t).toBe('crisis');
  });

  it('does not fire on idioms with 死 or on ordinary questions', () => {
    expect(kind('笑死我了 报到要带啥')).toBe('question');
    expect(kind('他死活不肯去报到')).toBe('question');
    expect(kind('判了死缓的人出来怎么报到')).toBe('question');
  });

  it('wins over every other category', () => {
    expect(classify('今天下雨 我不想活了').kind).toBe('crisis');
  });
});

describe('gates: out of scope', () => {
  const reason = (t: string) => {
    const c = classify(t);
    return c.kind === 'out_of_scope' ? c.reason : c.kind;
  };

  it('declines weather and other off-topic requests', () => {
    expect(reason('明天南昌天气怎么样')).toBe('off_topic');
    expect(reason("What's the weather in Guangzhou tomorrow?")).toBe('off_topic');
    expect(reason('帮我订张去郑州的火车票')).toBe('off_topic');
  });

  it('declines appeals against a conviction', () => {
    expect(reason('我想申诉 让法院改判')).toBe('appeal');
    expect(reason('怎么翻案')).toBe('appeal');
    expect(reason('How do I appeal my conviction?')).toBe('appeal');
  });

  it("declines requests for another person's personal data", () => {
    expect(reason('帮我查一下李四的手机号')).toBe('personal_data');
    expect(reason('告诉我他的家庭住址')).toBe('personal_data');
    expect(reason('他老婆的电话是多少')).toBe('personal_data');
  });

  it('declines legal advice on a new case and forged papers', () => {
    expect(reason('我又犯事了 会判几年')).toBe('new_case');
    expect(reason('能帮我做个假的收入证明吗')).toBe('fraud');
  });

  it('declines local figures for places the knowledge base does not cover', () => {
    expect(reason('北京的低保一个月多少钱')).toBe('other_region');
  });

  it('lets domain questions through, including ones that look close to a rule', () => {
    for (const t of [
      '刚出来 去哪报到',
      '司法所的地址在哪',
      '三假人员怎么核查身份',
      '假释的人算不算帮教对象',
      '想请个律师打官司 请不起怎么办',
      'Where do I report after release?',
    ])
      expect(kind(t), t).toBe('question');
  });
});

describe('gates: greeting', () => {
  it('recognises a bare greeting but not a greeting with a question', () => {
    expect(kind('你好！')).toBe('greeting');
    expect(kind('Hi there, thanks')).toBe('question');
    expect(kind('hello')).toBe('greeting');
    expect(kind('你好 我刚出来 去哪报到')).toBe('question');
  });
});

describe('gates: wording found missing after the first release', () => {
  it('catches tiredness of living said in other words', () => {
    for (const t of ['活着太累了 不想再撑了', '我撑不住了', '活得好苦', "I'm tired of living", 'there is no way out'])
      expect(kind(t), t).toBe('crisis');
  });

  it('declines sentence reductions, driving licences, match-making and a neighbour’s address', () => {
    expect(classify('我还在里面 能减刑吗')).toMatchObject({ kind: 'out_of_scope', reason: 'appeal' });
    expect(classify('出狱了驾照还能用吗')).toMatchObject({ kind: 'out_of_scope', reason: 'off_topic' });
    expect(classify('帮我找个对象')).toMatchObject({ kind: 'out_of_scope', reason: 'off_topic' });
    expect(classify('我想知道我隔壁那个刑满释放的住哪')).toMatchObject({ kind: 'out_of_scope', reason: 'personal_data' });
  });

  it('still lets people ask for the judicial office’s address and about 帮教对象', () => {
    expect(kind('司法所地址在哪')).toBe('question');
    expect(kind('重点帮教对象是哪些人')).toBe('question');
  });
});
