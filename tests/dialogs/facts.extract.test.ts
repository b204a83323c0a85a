import { describe, expect, it } from 'vitest';
import { extractFacts, type Extraction, type Facts } from '../../dialogs/facts/index.js';
import { parseVocabulary } from '../../dialogs/facts/vocabulary.js';

const NOW = new Date('2026-11-21T04:00:00Z');
const facts = (text: string): Facts => extractFacts(text, NOW).facts;

describe('extractFacts: several facts in one message', () => {
  it.each<[string, Facts]>([
    ['我62了 农村户口 没有劳动能力 也没有子女', { age: 62, hukou: 'rural', canWork: false }],
    ['我是城镇户口 一个人住 没工作', { hukou: 'urban', householdSize: 1, employed: false }],
    ["I'm 45, rural hukou, can't work", { age: 45, hukou: 'rural', canWork: false }],
    ['我今年六十二岁，家里四口人，每月1500', { age: 62, householdSize: 4, monthlyIncomePerPerson: 1500 }],
    ['孩子在上学，想开店摆摊', { hasStudentsInFamily: true, wantsSelfEmployment: true }],
    ['刑满释放，住在南昌', { releaseKind: 'prison', region: '江西' }],
    ['社区矫正期满了，在郑州', { releaseKind: 'correction', region: '郑州' }],
    ['我有残疾证，干不了活', { disabled: true, canWork: false }],
    ['失业登记了，交过社保', { registeredUnemployed: true, employed: false, hadInsurance: true }],
    ['没家没亲戚', { hasHousing: false, hasFamilySupport: false }],
    ['无家可归', { hasHousing: false, hasFamilySupport: false }],
    ['无亲可投，没人管', { hasFamilySupport: false }],
    ['老伴住院了，家里失火了', { seriousIllness: true, suddenHardship: true }],
    ['收入比低保低', { lowIncome: true }],
    ['上个月5号刚出来', { releaseDate: '2026-10-05', monthsSinceRelease: 1 }],
    ['11月3号出狱的', { releaseKind: 'prison', releaseDate: '2026-11-03', monthsSinceRelease: 0 }],
    ['出来三个多月了', { monthsSinceRelease: 3 }],
    ['出狱一年半了', { releaseKind: 'prison', monthsSinceRelease: 18 }],
    ['三个月前出来的', { releaseDate: '2026-08-21', monthsSinceRelease: 3 }],
    ['家里四口人每月一共4000', { householdSize: 4, monthlyIncomePerPerson: 1000 }],
    ['一家三口，我一个月挣两千', { householdSize: 3, monthlyIncomePerPerson: 2000 }],
    ['年收入2万', { monthlyIncomePerPerson: 1667 }],
    ['没收入', { monthlyIncomePerPerson: 0 }],
  ])('%s', (text, expected) => {
    expect(extractFacts(text, NOW)).toEqual({ facts: expected, invalid: [] });
  });
});

describe('extractFacts: Traditional Chinese and English', () => {
  it.each<[string, Facts]>([
    ['我兒子剛出獄，農村戶口，沒有工作', { releaseKind: 'prison', hukou: 'rural', employed: false }],
    ['我六十二歲，一個人住，在廣州', { age: 62, householdSize: 1, region: '广州' }],
    ['沒有勞動能力，有殘疾證', { canWork: false, disabled: true }],
    ['I live alone in Shanghai and I am unemployed', { householdSize: 1, region: '上海', employed: false }],
    ['I was released from prison 2 days ago', { releaseKind: 'prison', releaseDate: '2026-11-19', monthsSinceRelease: 0 }],
    ['45 years old, family of 4, I earn 3000 a month', { age: 45, householdSize: 4, monthlyIncomePerPerson: 3000 }],
    ['I do not have a job and my kids in school', { employed: false, hasStudentsInFamily: true }],
    ['I want to start a business in Chongqing', { wantsSelfEmployment: true, region: '重庆荣昌' }],
  ])('%s', (text, expected) => {
    expect(facts(text)).toEqual(expected);
  });
});

describe('extractFacts: negation, questions and someone else', () => {
  it.each<[string, Facts]>([
    ['不能干活', { canWork: false }],
    ['能干活', { canWork: true }],
    ['不太能干活', { canWork: false }],
    ['一直没找到工作', { employed: false }],
    ['有工作', { employed: true }],
    ['没有残疾', { disabled: false }],
    ['不想做生意', { wantsSelfEmployment: false }],
    ['没交过社保', { hadInsurance: false }],
    ['孩子没上学', { hasStudentsInFamily: false }],
    // "not rural" does not say urban …
    ['不是农村户口', {}],
    // … unless both sides are stated.
    ['不是农村的，是城里的', { hukou: 'urban' }],
    // A bare place word is not a hukou without a hukou context.
    ['我在城里打工', {}],
    ['户口在农村', { hukou: 'rural' }],
    // Question forms state nothing.
    ['有没有残疾证都不知道', {}],
    ['是不是要交过社保才行', {}],
    // Not clearly unable to work.
    ['身体不好干不了重活', {}],
    // Having no children says nothing about family support (there may be a spouse).
    ['没有子女', {}],
    // Someone else's job, age or illness is not the person's.
    ['我老婆有工作，我没工作', { employed: false }],
    ['孩子12岁', {}],
    ['带着3岁的孩子', {}],
    // Mentions of a program are not statements.
    ['大病保险怎么报销', {}],
    ['请问失业登记怎么办', {}],
    ['每月5号报到', {}],
    ['今年3月出来的', {}],
  ])('%s', (text, expected) => {
    expect(facts(text)).toEqual(expected);
  });
});

describe('extractFacts: corrections (the later mention wins)', () => {
  it.each<[string, Facts]>([
    ['不对，我是城镇户口', { hukou: 'urban' }],
    ['我是农村户口，不对，是城镇户口', { hukou: 'urban' }],
    ['我300岁，说错了，62岁', { age: 62 }],
    ['住在南昌，不对，我在上海', { region: '上海' }],
  ])('%s', (text, expected) => {
    expect(extractFacts(text, NOW)).toEqual({ facts: expected, invalid: [] });
  });
});

describe('extractFacts: invalid and absurd input', () => {
  it.each<[string, Extraction]>([
    ['我300岁了', { facts: {}, invalid: [{ fact: 'age', reason: 'out_of_range' }] }],
    ['家里30口人', { facts: {}, invalid: [{ fact: 'householdSize', reason: 'out_of_range' }] }],
    ['收入很多', { facts: { lowIncome: false }, invalid: [{ fact: 'monthlyIncomePerPerson', reason: 'not_a_number' }] }],
    ['1990年1月1日出来的', { facts: {}, invalid: [{ fact: 'releaseDate', reason: 'too_old_date' }] }],
    ['', { facts: {}, invalid: [] }],
    ['   ', { facts: {}, invalid: [] }],
    ['😀😀🙏', { facts: {}, invalid: [] }],
    ['？？？！！', { facts: {}, invalid: [] }],
  ])('%j', (text, expected) => {
    expect(extractFacts(text, NOW)).toEqual(expected);
  });

  it('a release still to come gives the date but not months since release', () => {
    expect(extractFacts('下个月10号出来', NOW)).toEqual({ facts: { releaseDate: '2026-12-10' }, invalid: [] });
  });

  it.each([
    ['random characters', Array.from({ length: 10_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('')],
    ['numerals', '一二三四五六七八九十'.repeat(1000)],
    ['a fact repeated', '农村户口'.repeat(2500)],
  ])('10,000 characters (%s): no facts, no throw, fast', (_name, text) => {
    expect(text.length).toBe(10_000);
    const started = performance.now();
    expect(extractFacts(text, NOW)).toEqual({ facts: {}, invalid: [] });
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('stays fast on the longest message it reads (1,500 characters of adversarial text)', () => {
    const texts = ['一'.repeat(1500), '1'.repeat(1500), '没'.repeat(1500), '我62了 '.repeat(250), '1.1.'.repeat(375)];
    for (const text of texts) {
      const started = performance.now();
      expect(() => extractFacts(text, NOW)).not.toThrow();
      expect(performance.now() - started).toBeLessThan(500);
    }
  });
});

describe('vocabulary.yaml validation', () => {
  it('rejects a malformed vocabulary with the path of the problem', () => {
    expect(() => parseVocabulary('numbers: 3')).toThrow(/vocabulary\.yaml invalid: .*numbers/);
    expect(() => parseVocabulary('signals: [{ facts: { age: old }, zh: [x], en: [] }]')).toThrow(/signals\.0\.facts\.age/);
  });
});
