import { describe, expect, it } from 'vitest';
import { parseChineseNumber, parseDate } from '../../dialogs/facts/index.js';

// Saturday 2026-11-21, 12:00 in China.
const NOW = new Date('2026-11-21T04:00:00Z');

describe('parseChineseNumber', () => {
  it.each<[string, number | undefined]>([
    ['62', 62],
    ['６２', 62], // full-width
    ['1,500', 1500],
    ['六十二', 62],
    ['六二', 62],
    ['十', 10],
    ['十五', 15],
    ['二十一', 21],
    ['一百零五', 105],
    ['一千二百三十四', 1234],
    ['两千零五十', 2050],
    ['两千五', 2500], // colloquial: the dropped unit is the next place down
    ['一万五', 15000],
    ['1万5', 15000],
    ['1万2000', 12000],
    ['3千', 3000],
    ['1.5万', 15000],
    ['2k', 2000],
    ['二〇二六', 2026],
    ['两', 2],
    ['俩', 2],
    ['仨', 3],
    ['半', 0.5],
    ['兩千', 2000], // Traditional
    ['forty-five', 45],
    ['twelve', 12],
    ['五六十', undefined], // a range, not a number
    ['十百', undefined],
    ['abc', undefined],
    ['', undefined],
    ['62岁', undefined], // not exactly a number
  ])('%s → %s', (text, expected) => {
    expect(parseChineseNumber(text)).toBe(expected);
  });
});

describe('parseDate (now = 2026-11-21 in China)', () => {
  it.each<[string, string]>([
    ['11月3号', '2026-11-03'],
    ['11月3日', '2026-11-03'],
    ['十一月三号', '2026-11-03'],
    ['我是11月3号出来的', '2026-11-03'],
    ['12月5号', '2025-12-05'], // no year: the most recent past occurrence
    ['上个月5号', '2026-10-05'],
    ['这个月1号', '2026-11-01'],
    ['下个月10号', '2026-12-10'], // future is allowed: families ask before release
    ['5号', '2026-11-05'],
    ['25号', '2026-10-25'],
    ['2026年11月3日', '2026-11-03'],
    ['二〇二六年十一月三日', '2026-11-03'],
    ['26年3月1日', '2026-03-01'],
    ['去年3月8号', '2025-03-08'],
    ['明年1月1号', '2027-01-01'],
    ['2026-11-03', '2026-11-03'],
    ['2025/2/28', '2025-02-28'],
    ['11/3', '2026-11-03'],
    ['11.3', '2026-11-03'],
    ['今天', '2026-11-21'],
    ['昨天', '2026-11-20'],
    ['前天', '2026-11-19'],
    ['大前天', '2026-11-18'],
    ['3天前', '2026-11-18'],
    ['三天前', '2026-11-18'],
    ['两个月前', '2026-09-21'],
    ['半年前', '2026-05-21'],
    ['上周五', '2026-11-13'],
    ['上星期五', '2026-11-13'],
    ['上个礼拜五', '2026-11-13'],
    ['周五', '2026-11-20'],
    ['这周一', '2026-11-16'],
    ['下周三', '2026-11-25'],
    ['11月3號', '2026-11-03'], // Traditional
    ['Nov 3', '2026-11-03'],
    ['November 3rd, 2026', '2026-11-03'],
    ['3 November 2026', '2026-11-03'],
    ['yesterday', '2026-11-20'],
    ['2 days ago', '2026-11-19'],
    ['two days ago', '2026-11-19'],
    ['a week ago', '2026-11-14'],
    ['last Friday', '2026-11-13'],
  ])('%s → %s', (text, date) => {
    expect(parseDate(text, NOW)).toEqual({ date });
  });

  it('uses the day in China, not UTC', () => {
    // 2026-11-20T17:00Z is already 01:00 on the 21st in China.
    expect(parseDate('今天', new Date('2026-11-20T17:00:00Z'))).toEqual({ date: '2026-11-21' });
    expect(parseDate('昨天', new Date('2026-11-20T15:00:00Z'))).toEqual({ date: '2026-11-19' });
  });

  it.each<[string, 'too_old_date' | 'future_date']>([
    ['1990年1月1日', 'too_old_date'],
    ['30年前', 'too_old_date'],
    ['2050年1月1日', 'future_date'],
  ])('%s is %s', (text, invalid) => {
    expect(parseDate(text, NOW)).toEqual({ invalid });
  });

  it.each(['2月30号', '你好', '', '😀', '13/45', 'x'.repeat(10_000)])('%j is not a date', (text) => {
    expect(parseDate(text, NOW)).toBeUndefined();
  });
});
