/**
 * Text normalisation shared by indexing, query understanding and the gates.
 *
 * Everything downstream works on one canonical form: Simplified Chinese, half-width ASCII, lower
 * case, no emoji or decorative punctuation, single spaces. Traditional input (Taiwan, Hong Kong)
 * therefore matches the Simplified index and the Simplified lexicons without separate entries.
 */
import * as OpenCC from 'opencc-js';

// Taiwan variants first (it also knows HK forms of most characters); built once, reused.
const twToCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
const hkToCn = OpenCC.Converter({ from: 'hk', to: 'cn' });

/** Converts Traditional Chinese (Taiwan or Hong Kong forms) to Simplified. Other text is unchanged. */
export function toSimplified(text: string): string {
  return hkToCn(twToCn(text));
}

/** Maps full-width ASCII (Ａ１！) and the ideographic space to their half-width forms. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

// Apostrophes are dropped (not spaced) so "don't" becomes "dont", one token, as the lexicons expect.
const APOSTROPHES = /['’‘`´]/g;
// Everything that is not a letter, a digit, % or a hyphen inside a word is noise for matching:
// punctuation, symbols, emoji (including variation selectors and joiners).
const NOISE = /[^\p{L}\p{N}%\s-]|[\u200d\ufe0f]/gu;
const LONE_HYPHEN = /(^|\s)-+|-+(?=\s|$)/g;

/**
 * Canonical form for matching: Simplified, half-width, lower case, noise stripped, spaces collapsed.
 * Idempotent: `normalize(normalize(x)) === normalize(x)`.
 */
export function normalize(text: string): string {
  // One message is normalised by the gates, the region check and the search: convert it once.
  const cached = recent.get(text);
  if (cached !== undefined) return cached;
  const result = convert(text);
  if (recent.size >= RECENT_MAX) recent.clear();
  recent.set(text, result);
  return result;
}

const RECENT_MAX = 2000;
const recent = new Map<string, string>();

function convert(text: string): string {
  return toSimplified(toHalfWidth(text.normalize('NFKC')))
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(NOISE, ' ')
    .replace(LONE_HYPHEN, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the text contains a Han character (CJK Unified Ideographs, incl. extension A). */
export function hasHan(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}
