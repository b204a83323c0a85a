import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../bot/logger.js';
import { memoryLogger } from './support/testApp.js';

const ID = '110101199003071234';
const ID_X = '11010119900307123X';
const MOBILE = '13800138000';

describe('personal data in logs', () => {
  it('masks ID-card and phone numbers wherever they appear in a line', () => {
    const { logger, lines } = memoryLogger('info');
    logger.info({ user: { idNumber: ID, phone: Number(MOBILE) }, note: `call 138 0013 8000 or +86-13912345678, id ${ID_X}` }, `registering ${ID} tel ${MOBILE}`);
    logger.error({ err: new Error(`lookup failed for ${ID}`) }, 'landline (023)46781234 and 020-87654321');
    const text = lines.join('\n');
    for (const secret of [ID, ID_X, MOBILE, '138 0013 8000', '13912345678', '46781234', '87654321']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[ID]');
    expect(text).toContain('[PHONE]');
    // Lines stay valid JSON, even where a phone number was a bare number.
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(JSON.parse(lines[0] ?? '{}').user.phone).toBe('[PHONE]');
  });

  it('leaves timestamps, counts and ordinary numbers alone', () => {
    const line = '{"time":1763698271000,"count":42,"ms":12.5,"year":"2026","port":3978}';
    expect(maskPersonalData(line)).toBe(line);
  });
});
