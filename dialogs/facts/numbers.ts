/**
 * Numbers as people type them: digits (also full-width, "1,500", "1.5万", "3千", "2k"), Chinese
 * numerals ("六十二", "两千五" = 2500, "一百零五", "二〇二六", "六二"), 俩/仨, and English words
 * ("forty-five"). The characters come from the vocabulary.
 */
import { prepare } from './text.js';
import { vocabulary } from './vocabulary.js';

interface NumberTables {
  digits: Map<string, number>;
  units: Map<string, number>;
  english: Map<string, number>;
  tens: Map<string, number>;
  latinUnits: Map<string, number>;
  half: string;
  /** Regex source matching one number in prepared text (without 半, which only stands alone). */
  source: string;
}
let tables: NumberTables | undefined;

function numberTables(): NumberTables {
  if (tables) return tables;
  const n = vocabulary().numbers;
  const han = [...Object.keys(n.digits), ...Object.keys(n.units)].join('');
  const ones = Object.keys(n.english).filter((w) => (n.english[w] ?? 0) < 10 && (n.english[w] ?? 0) > 0);
  const tensAlt = Object.keys(n.englishTens).join('|');
  const english = `(?<![a-z])(?:(?:${tensAlt})(?:[- ](?:${ones.join('|')}))?|${Object.keys(n.english).sort((a, b) => b.length - a.length).join('|')})(?![a-z])`;
  const latinUnits = Object.keys(n.latinUnits).join('|');
  tables = {
    digits: new Map(Object.entries(n.digits)),
    units: new Map(Object.entries(n.units)),
    english: new Map(Object.entries(n.english)),
    tens: new Map(Object.entries(n.englishTens)),
    latinUnits: new Map(Object.entries(n.latinUnits)),
    half: n.half,
    source: `(?:\\d+(?:\\.\\d+)?(?:[${han}]+|\\s?(?:${latinUnits})(?![a-z]))?|[${han}]+|${english})`,
  };
  return tables;
}

/** Regex source for one number (for building patterns around it). */
export function numberSource(): string {
  return numberTables().source;
}

/**
 * A number typed in digits, Chinese numerals or English words → its value; undefined when the
 * text is not exactly one number. "两千五" is 2500 (the colloquial dropped unit), "六二" is 62.
 */
export function parseChineseNumber(text: string): number | undefined {
  const s = prepare(text).replace(/\s+/g, ' ');
  if (!s || s.length > 40) return undefined;
  const t = numberTables();
  if (s === t.half) return 0.5;
  const latin = /^(\d+(?:\.\d+)?) ?([a-z]+)$/.exec(s);
  if (latin) {
    const unit = t.latinUnits.get(latin[2] ?? '');
    return unit === undefined ? undefined : Number(latin[1]) * unit;
  }
  if (/^[a-z -]+$/.test(s)) return englishValue(s, t);
  return hanValue(s, t);
}

function englishValue(s: string, t: NumberTables): number | undefined {
  const parts = s.split(/[- ]/).filter(Boolean);
  if (parts.length === 1) return t.english.get(parts[0] ?? '') ?? t.tens.get(parts[0] ?? '');
  if (parts.length !== 2) return undefined;
  const tens = t.tens.get(parts[0] ?? '');
  const one = t.english.get(parts[1] ?? '');
  return tens !== undefined && one !== undefined && one > 0 && one < 10 ? tens + one : undefined;
}

type Token = { kind: 'num'; value: number; han: boolean } | { kind: 'unit'; value: number };

function tokens(s: string, t: NumberTables): Token[] | undefined {
  const out: Token[] = [];
  for (let i = 0; i < s.length; ) {
    const arabic = /^\d+(?:\.\d+)?/.exec(s.slice(i, i + 24));
    if (arabic) {
      out.push({ kind: 'num', value: Number(arabic[0]), han: false });
      i += arabic[0].length;
      continue;
    }
    const ch = s[i] ?? '';
    const digit = t.digits.get(ch);
    const unit = t.units.get(ch);
    if (digit !== undefined) out.push({ kind: 'num', value: digit, han: true });
    else if (unit !== undefined) out.push({ kind: 'unit', value: unit });
    else return undefined;
    i += 1;
  }
  return out;
}

function hanValue(s: string, t: NumberTables): number | undefined {
  const toks = tokens(s, t);
  if (!toks || toks.length === 0) return undefined;
  if (toks.every((k) => k.kind === 'num')) {
    if (toks.length === 1) return toks[0]?.value;
    // A run of single Chinese digits is read digit by digit: 二〇二六 → 2026, 六二 → 62.
    if (!toks.every((k) => k.kind === 'num' && k.han)) return undefined;
    return Number(toks.map((k) => k.value).join(''));
  }
  let total = 0;
  let section = 0;
  let current: number | undefined;
  let lastUnit = 0;
  let zero = false;
  for (const k of toks) {
    if (k.kind === 'num') {
      if (current !== undefined) return undefined; // "五六十": a range, not a number
      if (k.han && k.value === 0) {
        zero = true; // 一百零五: the 零 marks a skipped place, so the 五 is not scaled
        continue;
      }
      current = k.value;
    } else if (k.value >= 10000) {
      const group = section + (current ?? 0);
      if (group === 0) return undefined;
      total += group * k.value;
      section = 0;
      current = undefined;
      lastUnit = k.value;
      zero = false;
    } else {
      if (lastUnit !== 0 && lastUnit < 10000 && k.value >= lastUnit) return undefined; // 十百
      section += (current ?? 1) * k.value;
      current = undefined;
      lastUnit = k.value;
      zero = false;
    }
  }
  if (current !== undefined) {
    // 两千五 = 2500, 一万五 = 15000: a single digit right after a unit means the next place down.
    section += !zero && lastUnit >= 10 && current < 10 && Number.isInteger(current) ? (current * lastUnit) / 10 : current;
  }
  return total + section;
}
