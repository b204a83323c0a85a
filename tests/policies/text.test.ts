import { describe, expect, it } from 'vitest';
import { normalize, toHalfWidth, toSimplified } from '../../policies/engine/normalize.js';
import { cut, stemEnglish, tokenize } from '../../policies/engine/segment.js';
import { expand } from '../../policies/engine/synonyms.js';

describe('normalize', () => {
  it('converts Traditional (Taiwan and Hong Kong forms) to Simplified', () => {
    expect(toSimplified('出獄後30天內到戶籍地司法所報到')).toBe('出狱后30天内到户籍地司法所报到');
    expect(normalize('我媽剛出獄，家裡失火了')).toBe('我妈刚出狱 家里失火了');
  });

  it('maps full-width ASCII to half-width and lower-cases', () => {
    expect(toHalfWidth('ＡＢＣ１２３')).toBe('ABC123');
    expect(normalize('去ＳＦＳ报到　要带啥？')).toBe('去sfs报到 要带啥');
  });

  it('strips emoji and punctuation noise but keeps words, numbers and %', () => {
    expect(normalize('低保😭😭 能领吗？？！！ 91%')).toBe('低保 能领吗 91%');
    expect(normalize("I don't see the point…")).toBe('i dont see the point');
  });

  it('is idempotent', () => {
    const once = normalize('我弟下個月在大陸刑滿，沒辦法過去接他！！👍');
    expect(normalize(once)).toBe(once);
  });
});

describe('segment', () => {
  it('keeps domain terms whole thanks to the domain dictionary', () => {
    expect(cut('刑满释放人员申请过渡性困难生活补助金')).toContain('过渡性困难生活补助金');
    expect(cut('五必访有哪几种')).toContain('五必访');
    expect(cut('到司法所报到')).toEqual(expect.arrayContaining(['司法所', '报到']));
  });

  it('search-mode tokens include the parts of a compound, without stop words', () => {
    const t = tokenize(normalize('创业担保贷款怎么申请啊'));
    expect(t).toEqual(expect.arrayContaining(['创业担保贷款', '贷款', '申请']));
    expect(t).not.toContain('啊');
    expect(t).not.toContain('怎么');
  });

  it('tokenises English with stop words removed and light stemming', () => {
    expect(tokenize(normalize('Loans for the released prisoners'))).toEqual(['loan', 'releas', 'prisoner']);
    expect(stemEnglish('subsidies')).toBe('subsidy');
    expect(stemEnglish('applying')).toBe(stemEnglish('apply'));
  });
});

describe('synonyms', () => {
  const terms = (q: string): Map<string, number> => new Map(expand(normalize(q)).map((x) => [x.term, x.weight]));

  it('maps colloquial Chinese to document terms at a lower weight', () => {
    const t = terms('我刚放出来 身上没钱');
    expect(t.get('刑满释放')).toBeGreaterThan(0);
    expect(t.get('刑满释放')).toBeLessThan(1);
    expect(t.has('生活困难')).toBe(true);
    expect(terms('想摆个摊卖菜').has('个体工商户')).toBe(true);
    expect(terms('新农合还能报销吗').has('城乡居民基本医疗保险')).toBe(true);
    expect(terms('小额担保贷款还有吗').has('创业担保贷款')).toBe(true);
  });

  it('maps English words to Chinese terms', () => {
    expect(terms('can I get welfare').has('低保')).toBe(true);
    expect(terms('where do I check in').has('报到')).toBe(true);
    expect(terms('I need a loan').has('贷款')).toBe(true);
  });

  it('works on Traditional input after normalisation and does not repeat typed terms', () => {
    expect(terms('我剛出獄').has('刑满释放')).toBe(true);
    expect(terms('低保怎么申请').has('低保')).toBe(false);
  });

  it('matches English phrases on word boundaries only', () => {
    expect(terms('this is a report').has('报到')).toBe(true);
    expect(terms('unreported').has('报到')).toBe(false);
  });
});
