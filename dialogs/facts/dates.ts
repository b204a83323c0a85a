/**
 * Dates as people write them ("11月3号", "上个月5号", "前天", "上周五", "3天前", "Nov 3",
 * "2 days ago", "2026-11-03"), resolved against the user's day in China Standard Time, and
 * durations ("三个多月", "一年半", "2 months") for the time since release.
 */
import { numberSource, parseChineseNumber } from './numbers.js';
import { alternation, MAX_MESSAGE, prepare } from './text.js';
import { vocabulary } from './vocabulary.js';

/** A calendar day (no time zone: it is already the user's day). */
export interface Day {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;

/** The calendar day `now` falls on in China Standard Time (UTC+8, no daylight saving). */
export function cstToday(now: Date): Day {
  const t = new Date(now.getTime() + CST_OFFSET_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

const serial = (x: Day): number => Date.UTC(x.y, x.m - 1, x.d) / DAY_MS;
const fromSerial = (n: number): Day => {
  const t = new Date(n * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (x: Day): string => `${x.y}-${String(x.m).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`;

/** A valid calendar day or undefined (2月30号 is not a date). Months may overflow (-1 → previous December). */
function day(y: number, m: number, d: number): Day | undefined {
  const yy = y + Math.floor((m - 1) / 12);
  const mm = ((((m - 1) % 12) + 12) % 12) + 1;
  if (!Number.isInteger(d) || d < 1 || d > daysIn(yy, mm)) return undefined;
  return { y: yy, m: mm, d };
}

/** `months` calendar months from `x`, the day clamped to the month's length (3月31 − 1 month = 2月28). */
function addMonths(x: Day, months: number): Day {
  const total = x.y * 12 + (x.m - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return { y, m, d: Math.min(x.d, daysIn(y, m)) };
}

/** Whole months from `from` to `to` (negative when `from` is later). */
export function monthsBetween(from: Day, to: Day): number {
  return (to.y - from.y) * 12 + (to.m - from.m) - (to.d < from.d ? 1 : 0);
}

interface Patterns {
  list: Array<{ re: RegExp; resolve: (g: string[], today: Day) => Day | undefined }>;
  duration: RegExp;
  unitOf: Map<string, 'day' | 'week' | 'month' | 'year'>;
}
let patterns: Patterns | undefined;

function compile(): Patterns {
  if (patterns) return patterns;
  const v = vocabulary();
  const dv = v.dates;
  const hanDigits = Object.keys(v.numbers.digits).join('') + '十';
  const D = `(\\d{1,2}|[${hanDigits}]{1,3})`;
  const Y = `(\\d{4}|\\d{2}|[${hanDigits}]{2,4})`;
  const dayWord = alternation(dv.dayWords);
  const ord = `(?:${alternation(dv.ordinalSuffixes)})?`;
  const num = numberSource();
  const alt = (m: Record<string, number>) => `(${alternation(Object.keys(m))})`;
  const prep = (m: Record<string, number>) => new Map(Object.entries(m).map(([k, x]) => [prepare(k), x]));
  const years = prep(dv.years), months = prep(dv.months), weeks = prep(dv.weeks), days = prep(dv.days);
  const weekdays = prep(dv.weekdays), enMonths = prep(dv.englishMonths);
  const unitOf = new Map(Object.entries(dv.units).map(([k, x]) => [prepare(k), x]));
  const n = (s: string | undefined): number => parseChineseNumber(s ?? '') ?? NaN;
  const year = (s: string | undefined, today: Day): number => {
    const y = n(s);
    return y >= 100 ? y : y + 2000 <= today.y + dv.maxYearsAhead ? y + 2000 : y + 1900;
  };
  // Without a year: the most recent occurrence up to today (a release date is usually in the past).
  const recent = (m: number, d: number, today: Day): Day | undefined => {
    const thisYear = day(today.y, m, d);
    return thisYear && serial(thisYear) <= serial(today) ? thisYear : day(today.y - 1, m, d);
  };
  const re = (s: string) => new RegExp(s, 'u');
  const list: Patterns['list'] = [
    { re: re(`(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)`), resolve: (g) => day(n(g[1]), n(g[2]), n(g[3])) },
    {
      re: re(`(?:${Y}\\s*${prepare(dv.yearWord)}|${alt(dv.years)})?\\s*${D}\\s*${prepare(dv.monthWord)}份?\\s*${D}(?:\\s*${dayWord})?`),
      resolve: (g, t) => {
        const [m, d] = [n(g[3]), n(g[4])];
        if (g[1]) return day(year(g[1], t), m, d);
        if (g[2]) return day(t.y + (years.get(g[2]) ?? 0), m, d);
        return recent(m, d, t);
      },
    },
    {
      re: re(`${alt(dv.englishMonths)}\\.?\\s*(\\d{1,2})${ord}(?:\\s*,?\\s*(\\d{4}))?(?!\\d)`),
      resolve: (g, t) => (g[3] ? day(n(g[3]), enMonths.get(g[1] ?? '') ?? NaN, n(g[2])) : recent(enMonths.get(g[1] ?? '') ?? NaN, n(g[2]), t)),
    },
    {
      re: re(`(?<!\\d)(\\d{1,2})${ord}\\s*(?:of\\s+)?${alt(dv.englishMonths)}(?:\\s*,?\\s*(\\d{4}))?`),
      resolve: (g, t) => (g[3] ? day(n(g[3]), enMonths.get(g[2] ?? '') ?? NaN, n(g[1])) : recent(enMonths.get(g[2] ?? '') ?? NaN, n(g[1]), t)),
    },
    { re: re(`(?<![\\d./-])(\\d{1,2})[/.](\\d{1,2})(?![\\d./]|\\s*[万千k])`), resolve: (g, t) => recent(n(g[1]), n(g[2]), t) },
    {
      re: re(`(${num}|${alternation(dv.articles)})\\s*(${alternation(Object.keys(dv.units))})\\s*(?:${alternation(dv.ago)})|(${alternation([...dv.halfYear, ...dv.halfMonth])})\\s*(?:${alternation(dv.ago)})`),
      resolve: (g, t) => {
        if (g[3]) return dv.halfYear.map(prepare).includes(g[3]) ? addMonths(t, -6) : fromSerial(serial(t) - 15);
        const count = dv.articles.map(prepare).includes(g[1] ?? '') ? 1 : n(g[1]);
        return back(t, count, unitOf.get(g[2] ?? '') ?? 'day');
      },
    },
    {
      re: re(`${alt(dv.months)}\\s*的?\\s*${D}\\s*${dayWord}`),
      resolve: (g, t) => day(t.y, t.m + (months.get(g[1] ?? '') ?? 0), n(g[2])),
    },
    {
      re: re(`(?<![\\d${hanDigits}月])${D}\\s*${dayWord}(?!\\s*(?:${alternation(dv.ago)}))`),
      resolve: (g, t) => {
        const d = n(g[1]);
        return d <= t.d ? day(t.y, t.m, d) : day(t.y, t.m - 1, d);
      },
    },
    { re: re(alt(dv.days)), resolve: (g, t) => fromSerial(serial(t) + (days.get(g[1] ?? '') ?? 0)) },
    {
      re: re(`(?:${alt(dv.weeks)}\\s*(?:${alternation(dv.weekdayPrefix)})?|${alternation(dv.weekdayPrefix)})\\s*${alt(dv.weekdays)}`),
      resolve: (g, t) => {
        const wd = weekdays.get(g[2] ?? '') ?? 1;
        const todayDow = ((new Date(serial(t) * DAY_MS).getUTCDay() + 6) % 7) + 1;
        const rel = g[1] === undefined ? undefined : weeks.get(g[1]);
        if (rel === undefined) return fromSerial(serial(t) - ((todayDow - wd + 7) % 7)); // most recent, today included
        return fromSerial(serial(t) - (todayDow - 1) + 7 * rel + (wd - 1));
      },
    },
  ];
  const duration = re(
    `(${num}|${alternation(dv.articles)})\\s*(?:${alternation(dv.more)})?\\s*(${alternation(Object.keys(dv.units))})(${alternation(dv.more)})?(${v.numbers.half})?|(${alternation(dv.halfYear)})|(${alternation(dv.halfMonth)})`,
  );
  patterns = { list, duration, unitOf };
  return patterns;
}

function back(t: Day, count: number, unit: 'day' | 'week' | 'month' | 'year'): Day | undefined {
  if (!Number.isFinite(count) || count < 0 || count > 200) return undefined;
  if (Number.isInteger(count) && unit === 'month') return addMonths(t, -count);
  if (Number.isInteger(count) && unit === 'year') return addMonths(t, -12 * count);
  const perUnit = { day: 1, week: 7, month: 30, year: 365 }[unit];
  return fromSerial(serial(t) - Math.round(count * perUnit));
}

/** The first date expression in prepared text, resolved against `today`; undefined when there is none. */
export function findDay(prepared: string, today: Day): Day | undefined {
  for (const p of compile().list) {
    const m = p.re.exec(prepared);
    if (m) {
      const found = p.resolve(m.map((x) => x ?? ''), today);
      if (found) return found;
    }
  }
  return undefined;
}

/** Checks a day against the plausible window: more than 20 years back or ahead is not a release date. */
export function checkDay(found: Day, today: Day): { date: string } | { invalid: 'future_date' | 'too_old_date' } {
  const dv = vocabulary().dates;
  if (serial(found) < serial(addMonths(today, -12 * dv.maxYearsBack))) return { invalid: 'too_old_date' };
  if (serial(found) > serial(addMonths(today, 12 * dv.maxYearsAhead))) return { invalid: 'future_date' };
  return { date: iso(found) };
}

/**
 * A date as people write it → ISO yyyy-mm-dd on the user's calendar (UTC+8). Without a year the
 * most recent past occurrence is meant, unless the words say otherwise (下个月, 明年, 下周五).
 * Future dates are valid (families ask before release); more than 20 years away either way is
 * `too_old_date` / `future_date`. Undefined when the text holds no date.
 */
export function parseDate(text: string, now: Date): { date: string } | { invalid: 'future_date' | 'too_old_date' } | undefined {
  if (text.length > MAX_MESSAGE) return undefined;
  const today = cstToday(now);
  const found = findDay(prepare(text), today);
  return found ? checkDay(found, today) : undefined;
}

/** Whether a day is after today (not released yet). */
export function isFuture(found: Day, today: Day): boolean {
  return serial(found) > serial(today);
}

/** A duration in prepared text ("三个多月" 3, "一年半" 18, "半年" 6, "2 weeks" 0) → whole months, with where it starts. */
export function findDurationMonths(prepared: string): { months: number; index: number; end: number } | undefined {
  const p = compile();
  const m = p.duration.exec(prepared);
  if (!m) return undefined;
  const at = { index: m.index, end: m.index + m[0].length };
  if (m[5]) return { months: 6, ...at };
  if (m[6]) return { months: 0, ...at };
  const count = vocabulary().dates.articles.map(prepare).includes(m[1] ?? '') ? 1 : parseChineseNumber(m[1] ?? '');
  const unit = p.unitOf.get(m[2] ?? '');
  if (count === undefined || unit === undefined || count > 600) return undefined;
  const months = { day: count / 30, week: (count * 7) / 30, month: count, year: count * 12 }[unit] + (m[4] ? (unit === 'year' ? 6 : 0) : 0);
  return { months: Math.floor(months), ...at };
}
