import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { i18n } from 'i18next';
import { createI18n } from '../../bot/i18n.js';
import { turnT } from '../../bot/turnLocale.js';
import { createMigratedTestDatabase, testEngine, type TestDatabase } from '../support/testDatabase.js';
import { message, startTestApp, textOf, type RunningApp } from '../support/testApp.js';
import { startFakeChannel, type FakeChannel } from '../support/fakeChannel.js';

const TOKEN = 'staff-token-for-tests-0123456789';
const ASK_FOR_PERSON = '我的事情比较复杂，想跟真人说说';
const STUB_ANSWER = 'stub answer from the bot';

interface TicketJson {
  id: number;
  conversationKey: string;
  status: string;
  language: string;
  messageCount?: number;
}
interface MessageJson {
  sender: string;
  text: string;
  delivery: string | null;
  staffId: string | null;
}

describe(`human handoff through the staff API (${testEngine()})`, () => {
  let t: TestDatabase;
  let bot: RunningApp;
  let channel: FakeChannel;
  let strings: i18n;

  beforeAll(async () => {
    t = await createMigratedTestDatabase();
    channel = await startFakeChannel();
    strings = await createI18n();
    bot = await startTestApp({
      db: t.db,
      env: { STAFF_API_TOKEN: TOKEN },
      // Stands in for the dialogs' wiring: forward while a ticket is open, open one on request.
      answerer: {
        async answer(context, text) {
          const { handoff } = bot.app;
          if (await handoff.forwardIfOpen(context)) {
            await context.sendActivity(turnT(context)('ticket.forwarded'));
          } else if (text === ASK_FOR_PERSON) {
            const ticket = await handoff.open(context, 'requested', [
              { from: 'user', text, at: new Date().toISOString() },
            ]);
            await context.sendActivity(turnT(context)(ticket.created ? 'ticket.opened' : 'ticket.alreadyOpen'));
          } else {
            await context.sendActivity(STUB_ANSWER);
          }
          return 'answered';
        },
      },
    });
  });
  afterAll(async () => {
    await bot.app.stop();
    await channel.close();
    await t.drop();
  });

  /** A message from the user, on a channel whose connector is the fake channel. */
  const say = (text: string, conversation: string, locale = 'zh-CN') =>
    bot.send({ ...message(text, { conversation, user: `user-${conversation}`, locale }), id: `act-${text.length}`, serviceUrl: channel.url });

  const staff = async (method: 'GET' | 'POST', path: string, body?: unknown, token = TOKEN) => {
    const res = await fetch(`${bot.url}/api/staff/${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  const openTicketFor = async (conversation: string, locale = 'zh-CN'): Promise<TicketJson> => {
    await say(ASK_FOR_PERSON, conversation, locale);
    const list = await staff('GET', 'tickets?status=open');
    const ticket = (list.body.tickets as TicketJson[]).find((x) => x.conversationKey === `test/${conversation}`);
    if (!ticket) throw new Error(`no open ticket for ${conversation}`);
    return ticket;
  };

  it('goes round: open, staff reply, user message, close — the user hears both on the channel', async () => {
    const opened = textOf(await say(ASK_FOR_PERSON, 'round'));
    expect(opened).toBe(strings.getFixedT('zh-CN')('ticket.opened'));
    // Asking again does not open a second ticket.
    expect(textOf(await say(ASK_FOR_PERSON, 'round'))).toBe(strings.getFixedT('zh-CN')('ticket.forwarded'));

    const list = await staff('GET', 'tickets?status=open');
    expect(list.status).toBe(200);
    const ticket = (list.body.tickets as TicketJson[]).find((x) => x.conversationKey === 'test/round');
    expect(ticket).toMatchObject({ status: 'open', language: 'zh-CN' });
    const id = ticket?.id ?? 0;

    const detail = await staff('GET', `tickets/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.transcript).toEqual([expect.objectContaining({ from: 'user', text: ASK_FOR_PERSON })]);
    expect(detail.body.ticket).not.toHaveProperty('conversationReference');

    const delivered = channel.next();
    const replied = await staff('POST', `tickets/${id}/messages`, { text: '您好，我是社工小李，您说说情况。', staffId: 'li' });
    expect(replied.status).toBe(201);
    expect(replied.body.message).toMatchObject({ sender: 'staff', delivery: 'sent', staffId: 'li' });
    const post = await delivered;
    expect(post.conversationId).toBe('round');
    expect(post.activity.text).toBe('【工作人员】您好，我是社工小李，您说说情况。');
    expect(post.activity.recipient?.id).toBe('user-round');

    expect(textOf(await say('低保批了三个月还没到账', 'round'))).toBe(strings.getFixedT('zh-CN')('ticket.forwarded'));
    const withMessages = await staff('GET', `tickets/${id}`);
    const messages = withMessages.body.messages as MessageJson[];
    expect(messages.map((m) => [m.sender, m.text])).toEqual([
      ['user', ASK_FOR_PERSON],
      ['staff', '您好，我是社工小李，您说说情况。'],
      ['user', '低保批了三个月还没到账'],
    ]);

    const closing = channel.next();
    const closed = await staff('POST', `tickets/${id}/close`, { staffId: 'li' });
    expect(closed.status).toBe(200);
    expect(closed.body.ticket).toMatchObject({ status: 'closed', closedBy: 'li' });
    const notice = await closing;
    expect(notice.conversationId).toBe('round');
    expect(notice.activity.text).toBe(strings.getFixedT('zh-CN')('ticket.closed'));

    // Back with the bot: nothing more is stored on the ticket.
    expect(textOf(await say('还有一个问题', 'round'))).toBe(STUB_ANSWER);
    const after = await staff('GET', `tickets/${id}`);
    expect((after.body.messages as MessageJson[]).map((m) => m.sender)).toEqual(['user', 'staff', 'user', 'system']);
    expect((await staff('GET', 'tickets?status=closed')).body.tickets).toEqual([expect.objectContaining({ id })]);
  });

  it('speaks to the user in the language of the ticket', async () => {
    const ticket = await openTicketFor('english', 'en-US');
    expect(ticket.language).toBe('en');
    const delivered = channel.next();
    expect((await staff('POST', `tickets/${ticket.id}/messages`, { text: 'Hello, this is Li.' })).status).toBe(201);
    expect((await delivered).activity.text).toBe('[Staff] Hello, this is Li.');
    const closing = channel.next();
    expect((await staff('POST', `tickets/${ticket.id}/close`)).status).toBe(200);
    expect((await closing).activity.text).toBe(strings.getFixedT('en')('ticket.closed'));
  });

  it('answers 404 for an unknown ticket and 409 for a closed one', async () => {
    const ticket = await openTicketFor('conflict');
    const closing = channel.next();
    expect((await staff('POST', `tickets/${ticket.id}/close`, {})).status).toBe(200);
    await closing;
    expect(await staff('POST', `tickets/${ticket.id}/close`, {})).toMatchObject({ status: 409, body: { code: 'TicketClosed' } });
    expect((await staff('POST', `tickets/${ticket.id}/messages`, { text: 'late' })).body.code).toBe('TicketClosed');
    expect(await staff('GET', 'tickets/987654')).toMatchObject({ status: 404, body: { code: 'TicketNotFound' } });
  });

  it('answers 502 when the channel refuses a reply, and keeps the reply marked failed', async () => {
    const ticket = await openTicketFor('refused');
    channel.failWith(403);
    try {
      const res = await staff('POST', `tickets/${ticket.id}/messages`, { text: '这条发不出去' });
      expect(res).toMatchObject({ status: 502, body: { code: 'DeliveryFailed' } });
    } finally {
      channel.failWith(undefined);
    }
    const messages = (await staff('GET', `tickets/${ticket.id}`)).body.messages as MessageJson[];
    expect(messages.at(-1)).toMatchObject({ sender: 'staff', delivery: 'failed' });
    expect(bot.lines.some((l) => l.includes('could not be delivered') && l.includes(`"ticketId":${ticket.id}`))).toBe(true);
    // Caught inside the proactive turn: the adapter's onTurnError (apology, state reset) never ran.
    expect(bot.lines.some((l) => l.includes('"msg":"turn failed"'))).toBe(false);
  });

  it('answers 502, not a silent success, for a conversation the bot cannot reach', async () => {
    // expectReplies without serviceUrl: the conversation reference has nowhere to send to.
    await bot.send(message(ASK_FOR_PERSON, { conversation: 'unreachable', user: 'u-unreachable' }));
    const list = (await staff('GET', 'tickets')).body.tickets as TicketJson[];
    const ticket = list.find((x) => x.conversationKey === 'test/unreachable');
    expect((await staff('POST', `tickets/${ticket?.id}/messages`, { text: 'hello?' })).status).toBe(502);
  });

  it('rejects bad parameters and bodies with 4xx JSON', async () => {
    const ticket = await openTicketFor('bad-input');
    const cases: Array<[string, 'GET' | 'POST', string, unknown, number]> = [
      ['missing text', 'POST', `tickets/${ticket.id}/messages`, {}, 400],
      ['empty text', 'POST', `tickets/${ticket.id}/messages`, { text: '   ' }, 400],
      ['unknown field', 'POST', `tickets/${ticket.id}/messages`, { text: 'hi', admin: true }, 400],
      ['too long', 'POST', `tickets/${ticket.id}/messages`, { text: 'x'.repeat(4001) }, 400],
      ['bad staff id', 'POST', `tickets/${ticket.id}/close`, { staffId: 'a b' }, 400],
      ['not JSON', 'POST', `tickets/${ticket.id}/messages`, '{"text": ', 400],
      ['bad id', 'GET', 'tickets/abc', undefined, 400],
      ['bad status', 'GET', 'tickets?status=pending', undefined, 400],
    ];
    for (const [name, method, path, body, status] of cases) {
      const res = await staff(method, path, body);
      expect(res.status, name).toBe(status);
      expect(typeof res.body.code, name).toBe('string');
    }
    const plain = await fetch(`${bot.url}/api/staff/tickets/${ticket.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(plain.status).toBe(415);
    // Nothing of the above reached the ticket.
    expect((await staff('GET', `tickets/${ticket.id}`)).body.messages).toHaveLength(0);
  });

  it('needs the token: 401 without it or with a wrong one', async () => {
    for (const token of ['', 'wrong-token-wrong-token', `${TOKEN}x`]) {
      const res = await staff('GET', 'tickets', undefined, token);
      expect(res).toMatchObject({ status: 401, body: { code: 'Unauthorized' } });
      expect(res.body).not.toHaveProperty('tickets');
    }
    const basic = await fetch(`${bot.url}/api/staff/tickets`, { headers: { authorization: `Basic ${TOKEN}` } });
    expect(basic.status).toBe(401);
    // Unauthenticated: the body is not even read, so a bad body still gets 401.
    expect((await staff('POST', 'tickets/1/messages', '{bad json', 'nope-nope-nope-nope')).status).toBe(401);
  });

  it('is disabled (503) when no STAFF_API_TOKEN is configured', async () => {
    const other = await startTestApp({ db: t.db });
    try {
      for (const token of [TOKEN, '']) {
        const res = await fetch(`${other.url}/api/staff/tickets`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
        expect(res.status).toBe(503);
        expect(await res.json()).toMatchObject({ code: 'StaffApiDisabled' });
      }
    } finally {
      await other.app.stop();
    }
  });

  it('never logs the token or what people wrote', () => {
    const log = bot.lines.join('\n');
    expect(log).toContain('handoff ticket opened');
    for (const secret of [TOKEN, ASK_FOR_PERSON, '社工小李', '低保批了三个月', 'Hello, this is Li', '这条发不出去']) {
      expect(log).not.toContain(secret);
    }
  });
});
