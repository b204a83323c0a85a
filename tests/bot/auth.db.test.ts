import { describe, expect, it } from 'vitest';
import { testEngine } from '../support/testDatabase.js';
import { message, useTestBot } from '../support/testApp.js';

describe(`Bot Framework authentication (${testEngine()})`, () => {
  const s = useTestBot({ env: { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'secret' } });

  const activity = { ...message('帮助', { conversation: 'auth' }), deliveryMode: 'expectReplies' };

  it.each([
    ['no Authorization header', {}],
    ['a forged bearer token', { authorization: 'Bearer not.a.token' }],
  ])('answers a request with %s with 401 and no reply', async (_name, headers) => {
    const res = await s.bot.post(activity, headers);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { code: string; activities?: unknown };
    expect(body.code).toBe('Unauthorized');
    expect(body.activities).toBeUndefined();
    // Nothing of the turn ran: no state was written for the conversation.
    const state = await s.db.db.query("SELECT key FROM bot_state WHERE key LIKE '%auth%'");
    expect(state.rowCount).toBe(0);
  });
});
