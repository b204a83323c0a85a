import { describe, expect, it } from 'vitest';
import { parseAnswer, type Answer, type FactName, type Facts } from '../../dialogs/facts/index.js';

const NOW = new Date('2026-11-21T04:00:00Z');
type Row = [FactName, string, Answer<Facts[FactName]>];
const v = (value: Facts[FactName]): Answer<Facts[FactName]> => ({ kind: 'value', value });
const bad = (reason: string): Answer<Facts[FactName]> => ({ kind: 'invalid', reason });
const SKIP = { kind: 'skip' } as const;
const NONE = { kind: 'none' } as const;

describe('parseAnswer: numbers', () => {
  it.each<Row>([
    ['age', '62', v(62)],
    ['age', '六十二', v(62)],
    ['age', '六十二岁', v(62)],
    ['age', '我62了', v(62)],
    ['age', '今年45', v(45)],
    ['age', '六十多', v(60)],
    ['age', '45 years old', v(45)],
    ['age', "I'm 45", v(45)],
    ['age', '６２', v(62)],
    ['age', '六十二歲', v(62)],
    ['age', '300', bad('out_of_range')],
    ['age', '我300岁', bad('out_of_range')],
    ['age', '5', bad('out_of_range')],
    ['age', '很多', bad('not_a_number')],
    ['householdSize', '4', v(4)],
    ['householdSize', '家里四口人', v(4)],
    ['householdSize', '一个人住', v(1)],
    ['householdSize', '就我一个', v(1)],
    ['householdSize', '俩', v(2)],
    ['householdSize', '和老婆孩子', NONE], // at least 3, but how many is not said
    ['householdSize', '30', bad('out_of_range')],
    ['monthlyIncomePerPerson', '1500', v(1500)],
    ['monthlyIncomePerPerson', '每月1500', v(1500)],
    ['monthlyIncomePerPerson', '一个月两千', v(2000)],
    ['monthlyIncomePerPerson', '两千五', v(2500)],
    ['monthlyIncomePerPerson', '3千', v(3000)],
    ['monthlyIncomePerPerson', '1.5万', v(15000)],
    ['monthlyIncomePerPerson', '没收入', v(0)],
    ['monthlyIncomePerPerson', '没有', v(0)],
    ['monthlyIncomePerPerson', '很多', bad('not_a_number')],
    ['monthsSinceRelease', '3', v(3)],
    ['monthsSinceRelease', '三个月', v(3)],
    ['monthsSinceRelease', '半年', v(6)],
    ['monthsSinceRelease', '一年多', v(12)],
    ['monthsSinceRelease', '上个月5号', v(1)],
    ['monthsSinceRelease', '下个月10号', bad('future_date')],
  ])('%s ← %j', (fact, text, expected) => {
    expect(parseAnswer(fact, text, NOW)).toEqual(expected);
  });
});

describe('parseAnswer: yes/no, words and places', () => {
  it.each<Row>([
    ['canWork', '能', v(true)],
    ['canWork', '不能', v(false)],
    ['canWork', '干不了活', v(false)],
    ['disabled', '有', v(true)],
    ['disabled', '有的', v(true)],
    ['disabled', '没有', v(false)],
    ['disabled', '有残疾证', v(true)],
    ['employed', 'yes', v(true)],
    ['employed', 'no', v(false)],
    ['employed', '沒有', v(false)],
    ['hasHousing', '没地方住', v(false)],
    ['lowIncome', '低于低保', v(true)],
    ['lowIncome', '比低保低', v(true)],
    ['lowIncome', '很多', v(false)],
    ['hukou', '农村', v('rural')],
    ['hukou', '農村', v('rural')],
    ['hukou', '城里的', v('urban')],
    ['hukou', '非农', v('urban')],
    ['hukou', 'rural', v('rural')],
    ['hukou', '不是农村的', NONE], // "not rural" is not "urban"
    ['releaseKind', '监狱', v('prison')],
    ['releaseKind', '社区矫正', v('correction')],
    ['region', '南昌', v('江西')],
    ['region', '荣昌', v('重庆荣昌')],
    ['region', 'Shanghai', v('上海')],
    ['region', '北京', NONE],
    ['releaseDate', '11月3号', v('2026-11-03')],
    ['releaseDate', '下个月10号', v('2026-12-10')],
    ['releaseDate', '1990年1月1日', bad('too_old_date')],
  ])('%s ← %j', (fact, text, expected) => {
    expect(parseAnswer(fact, text, NOW)).toEqual(expected);
  });
});

describe('parseAnswer: skip and nothing', () => {
  it.each<Row>([
    ['age', '不知道', SKIP],
    ['age', '不清楚', SKIP],
    ['canWork', '不知道', SKIP], // not "不" = no
    ['hukou', '跳过', SKIP],
    ['monthlyIncomePerPerson', '不想说', SKIP],
    ['employed', 'skip', SKIP],
    ['employed', "don't know", SKIP],
    ['employed', 'pass', SKIP],
    ['disabled', '不曉得', SKIP],
    ['age', '', NONE],
    ['age', '   ', NONE],
    ['age', '😀😀', NONE],
    ['age', '你好', NONE],
    ['region', '🙏', NONE],
  ])('%s ← %j', (fact, text, expected) => {
    expect(parseAnswer(fact, text, NOW)).toEqual(expected);
  });

  it.each<[FactName, string]>([
    ['age', 'x'],
    ['employed', '有'],
    ['age', '六十二'],
  ])('%s ← %j repeated to 10,000 characters: none, quickly', (fact, unit) => {
    const text = unit.repeat(Math.ceil(10_000 / unit.length)).slice(0, 10_000);
    const started = performance.now();
    expect(parseAnswer(fact, text, NOW)).toEqual(NONE);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
