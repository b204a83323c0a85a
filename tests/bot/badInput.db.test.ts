import { describe, expect, it } from 'vitest';
import { testEngine } from '../support/testDatabase.js';
import { message, textOf, useTestBot } from '../support/testApp.js';

describe(`bad requests (${testEngine()})`, () => {
  const s = useTestBot();

  const valid = { ...message('帮助', { conversation: 'bad-input' }), deliveryMode: 'expectReplies' };
  const withoutKey = (key: string) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key));

  it.each([
    ['a body that is not JSON', '{"type": "message", oops', 400],
    ['an activity without type', withoutKey('type'), 400],
    ['an activity without conversation', withoutKey('conversation'), 400],
    ['an activity without from', withoutKey('from'), 400],
    ['a JSON array', [valid], 400],
    ['a normal delivery with no serviceUrl to answer to', { ...valid, deliveryMode: undefined }, 400],
  ])('rejects %s with a JSON error', async (_name, body, status) => {
    const res = await s.bot.post(body);
    expect(res.status).toBe(status);
    const error = (await res.json()) as { code: string; message: string };
    expect(typeof error.code).toBe('string');
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('rejects a 2 MB body with 413', async () => {
    const res = await s.bot.post({ ...valid, text: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBeTruthy();
  });

  it('rejects a wrong content type with 415', async () => {
    const res = await fetch(`${s.bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(valid),
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { code: string }).code).toBe('UnsupportedMediaType');
  });

  it('treats an unknown activity type as a polite no-op', async () => {
    const res = await s.bot.post({ ...valid, type: 'somethingNew' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ activities: [] });
  });

  it('keeps serving everyone else afterwards', async () => {
    const replies = await s.bot.send(message('帮助', { conversation: 'after-bad-input' }));
    expect(textOf(replies)).toContain('转人工');
  });
});
