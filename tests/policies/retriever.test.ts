import { describe, expect, it } from 'vitest';
import { CONFIDENCE_THRESHOLD, createRetriever, detectRegion } from '../../policies/engine/retriever.js';
import { FIXTURE } from './fixtureKb.js';

const r = createRetriever(FIXTURE);
const top = (text: string, opts: Parameters<typeof r.search>[1] = { locale: 'zh-CN' }) => r.search(text, opts)[0];
const ids = (text: string, opts: Parameters<typeof r.search>[1] = { locale: 'zh-CN' }) =>
  r.search(text, opts).map((h) => h.entry.id);

describe('retriever ranking', () => {
  it('finds the right entry for a colloquial question, confidently', () => {
    const hit = top('刚放出来身上没钱 吃不上饭 能吃低保不');
    expect(hit?.entry.id).toBe('fx-dibao');
    expect(hit?.confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
    expect(top('想摆个摊 要交管理费不')?.entry.topic).toBe('self_employment_fees');
    expect(top('住院的钱掏不起 有啥救助')?.entry.id).toBe('fx-medical-aid');
  });

  it('still finds the entry when a term is mistyped', () => {
    expect(top('过渡性困难生活补主金怎么领')?.entry.id).toBe('fx-transition-subsidy');
    expect(top('过度补助能领几个月')?.entry.id).toBe('fx-transition-subsidy');
  });

  it('matches Traditional Chinese like Simplified', () => {
    expect(top('出獄後要去哪裡報到', { locale: 'zh-TW' })?.entry.id).toBe('fx-checkin');
  });

  it('matches English questions to the same entries', () => {
    expect(top('How many days do I have to check in after I get out?', { locale: 'en' })?.entry.id).toBe('fx-checkin');
    expect(top('Can I get a loan to open a small shop?', { locale: 'en' })?.entry.id).toBe('fx-loan');
    expect(top('is there welfare for poor families', { locale: 'en' })?.entry.id).toBe('fx-dibao');
  });

  it('boosts the region the user is in, and a region named in the question', () => {
    const q = '办个体户营业执照免收费吗';
    expect(ids(q, { locale: 'zh-CN', region: '郑州' })[0]).toBe('fx-fees-zz');
    expect(ids(q, { locale: 'zh-CN', region: '江西' })[0]).toBe('fx-fees-jx');
    // The question names 南昌 (江西), which wins over the region chosen earlier.
    expect(ids(`我在南昌 ${q}`, { locale: 'zh-CN', region: '郑州' })[0]).toBe('fx-fees-jx');
    expect(ids(`郑州这边 ${q}`, { locale: 'zh-CN' })[0]).toBe('fx-fees-zz');
  });

  it('demotes superseded entries below their replacement', () => {
    const order = ids('小额担保贷款怎么申请');
    expect(order.indexOf('fx-loan')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('fx-loan')).toBeLessThan(order.indexOf('fx-loan-old'));
  });

  it('gives nonsense and unrelated text a confidence below the threshold', () => {
    for (const q of ['qwxz zzkj blorf', '啊啊啊啊 哈哈哈', '今天晚饭吃红烧肉还是饺子']) {
      const hit = top(q);
      expect(hit === undefined || hit.confidence < CONFIDENCE_THRESHOLD, q).toBe(true);
    }
  });

  it('honours the limit and sorts by score', () => {
    const hits = r.search('刑满释放人员 申请 补助 低保 贷款', { locale: 'zh-CN', limit: 3 });
    expect(hits.length).toBe(3);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
    expect(hits[1]!.score).toBeGreaterThanOrEqual(hits[2]!.score);
  });
});

describe('detectRegion', () => {
  it('recognises cities, provinces, Traditional and English names', () => {
    expect(detectRegion('我在南昌')).toBe('江西');
    expect(detectRegion('赣州的刑释人员')).toBe('江西');
    expect(detectRegion('我兒子回重慶了')).toBe('重庆荣昌');
    expect(detectRegion('在廣東的監獄')).toBe('广州');
    expect(detectRegion('郑州市')).toBe('郑州');
    expect(detectRegion('河南洛阳')).toBe('河南');
    expect(detectRegion('I live in Shanghai')).toBe('上海');
    expect(detectRegion('released in Zhengzhou')).toBe('郑州');
    expect(detectRegion('成都那边')).toBeUndefined();
    expect(detectRegion('我有点犹豫要不要去报到')).toBeUndefined();
  });
});

describe('Cantonese turns of phrase, on the real knowledge base', () => {
  it('finds the check-in rule for a question in Cantonese', async () => {
    const { defaultKnowledge } = await import('../../bot/app.js');
    const { CONFIDENCE_THRESHOLD } = await import('../../policies/engine/retriever.js');
    const [top] = defaultKnowledge().retriever.search('我阿仔出咗嚟 要去邊度報到', { locale: 'zh-TW' });
    expect(top?.entry.topic).toBe('checkin');
    expect(top?.confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
  });
});
