/**
 * Structured JSON logging (pino). Every line passes through `maskPersonalData` before it is
 * written, so an ID-card or phone number can never reach the logs, whichever field it hides in.
 */
import { pino, destination as pinoDestination, stdTimeFunctions, type Logger, type DestinationStream } from 'pino';

export type { Logger };

// 18-digit resident ID (last character may be X); not part of a longer digit run.
const ID_NUMBER = /(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
// Mainland mobile numbers, optionally with +86 and separators (138 0013 8000, 138-0013-8000).
const MOBILE = /(?<![0-9])(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![0-9])/g;
// Landlines with an area code: 023-12345678, (020)87654321.
const LANDLINE = /(?<![0-9])(?:\(0\d{2,3}\)|0\d{2,3}-)\d{7,8}(?![0-9])/g;

/**
 * Replaces ID and phone numbers in a serialized log line. Where the number stood as a bare JSON
 * number it becomes a string, so the line stays valid JSON.
 */
export function maskPersonalData(line: string): string {
  const mask = (label: string) => (match: string, offset: number, whole: string) => {
    const before = whole[offset - 1];
    const bare = before === ':' || before === ',' || before === '[';
    return bare ? `"[${label}]"` : `[${label}]`;
  };
  return line.replace(ID_NUMBER, mask('ID')).replace(MOBILE, mask('PHONE')).replace(LANDLINE, mask('PHONE'));
}

/** Creates the service logger; `destination` is for tests that read the lines back. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'anbang' },
      timestamp: stdTimeFunctions.isoTime,
      hooks: { streamWrite: maskPersonalData },
    },
    destination ?? pinoDestination({ dest: 1, sync: false }),
  );
}
