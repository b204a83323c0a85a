import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMessage,
  addUserMessageIfOpen,
  closeTicket,
  findOpenTicket,
  getTicketWithMessages,
  listTickets,
  openTicket,
  setDelivery,
  TicketClosedError,
  TicketNotFoundError,
  type NewTicket,
} from '../../db/tickets.js';
import { createMigratedTestDatabase, testEngine, type TestDatabase } from '../support/testDatabase.js';

const newTicket = (conversation: string, over: Partial<NewTicket> = {}): NewTicket => ({
  conversationKey: `test/${conversation}`,
  channelId: 'test',
  userId: `user-${conversation}`,
  language: 'zh-CN',
  reason: 'requested',
  conversationReference: { channelId: 'test', conversation: { id: conversation, isGroup: false, conversationType: '', name: '' } },
  transcript: [{ from: 'user', text: '我想找人', at: '2025-01-01T08:00:00.000Z' }],
  ...over,
});

describe(`handoff tickets (${testEngine()})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createMigratedTestDatabase();
  });
  afterAll(async () => {
    await t.drop();
  });

  it('opens a ticket with its reference and transcript, and returns the same one when asked again', async () => {
    const first = await openTicket(t.db, newTicket('idem'));
    expect(first.created).toBe(true);
    expect(first.ticket).toMatchObject({ status: 'open', reason: 'requested', language: 'zh-CN', closedAt: null });
    expect(first.ticket.conversationReference.conversation?.id).toBe('idem');
    expect(first.ticket.transcript).toEqual([{ from: 'user', text: '我想找人', at: '2025-01-01T08:00:00.000Z' }]);
    expect(typeof first.ticket.id).toBe('number');

    const again = await openTicket(t.db, newTicket('idem', { reason: 'crisis', transcript: [] }));
    expect(again.created).toBe(false);
    expect(again.ticket.id).toBe(first.ticket.id);
    expect(again.ticket.reason).toBe('requested'); // the open ticket is kept as it was
    expect((await findOpenTicket(t.db, 'test/idem'))?.id).toBe(first.ticket.id);
  });

  it('keeps one open ticket per conversation when two turns race', async () => {
    const other = await t.openAnother();
    const results = await Promise.all([
      openTicket(t.db, newTicket('race')),
      openTicket(other, newTicket('race')),
      openTicket(t.db, newTicket('race')),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.ticket.id)).size).toBe(1);
    const count = await t.db.query<{ n: string }>(
      "SELECT count(*) AS n FROM tickets WHERE conversation_key = 'test/race' AND status = 'open'",
    );
    expect(Number(count.rows[0]?.n)).toBe(1);
    // The index, not only the code, enforces it.
    await expect(
      t.db.query(
        `INSERT INTO tickets (conversation_key, channel_id, user_id, language, reason, conversation_reference)
         VALUES ('test/race', 'test', 'u', 'zh-CN', 'requested', '{}')`,
      ),
    ).rejects.toThrow(/duplicate key|unique/);
  });

  it('rejects an unknown reason', async () => {
    await expect(openTicket(t.db, newTicket('bad', { reason: 'bored' as never }))).rejects.toThrow(/reason/);
  });

  it('stores user messages only while a ticket is open', async () => {
    expect(await addUserMessageIfOpen(t.db, 'test/nobody', 'hello')).toBeUndefined();
    const { ticket } = await openTicket(t.db, newTicket('msgs'));
    expect(await addUserMessageIfOpen(t.db, 'test/msgs', '我的低保还没批', 1)).toBe(ticket.id);
    const staff = await addMessage(t.db, ticket.id, { sender: 'staff', staffId: 'li', text: '我帮您问问', delivery: 'pending' });
    await setDelivery(t.db, staff.id, 'sent');
    const { messages } = await getTicketWithMessages(t.db, ticket.id);
    expect(messages.map((m) => [m.sender, m.text, m.attachmentCount, m.delivery, m.staffId])).toEqual([
      ['user', '我的低保还没批', 1, null, null],
      ['staff', '我帮您问问', 0, 'sent', 'li'],
    ]);
  });

  it('closes a ticket once; then no messages, and a new ticket can open', async () => {
    const { ticket } = await openTicket(t.db, newTicket('close'));
    const closed = await closeTicket(t.db, ticket.id, 'wang');
    expect(closed).toMatchObject({ id: ticket.id, status: 'closed', closedBy: 'wang' });
    expect(closed.closedAt).not.toBeNull();
    await expect(closeTicket(t.db, ticket.id, 'wang')).rejects.toBeInstanceOf(TicketClosedError);
    await expect(addMessage(t.db, ticket.id, { sender: 'staff', text: 'late' })).rejects.toBeInstanceOf(TicketClosedError);
    expect(await addUserMessageIfOpen(t.db, 'test/close', 'anyone?')).toBeUndefined();
    // The closing notice itself may still be recorded on the closed ticket.
    await expect(addMessage(t.db, ticket.id, { sender: 'system', text: 'bye', requireOpen: false })).resolves.toMatchObject({
      sender: 'system',
    });
    expect(await findOpenTicket(t.db, 'test/close')).toBeUndefined();
    const reopened = await openTicket(t.db, newTicket('close'));
    expect(reopened.created).toBe(true);
    expect(reopened.ticket.id).not.toBe(ticket.id);
  });

  it('throws TicketNotFoundError with the id for a ticket that does not exist', async () => {
    const error = await closeTicket(t.db, 999_999, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TicketNotFoundError);
    expect((error as TicketNotFoundError).ticketId).toBe(999_999);
    await expect(getTicketWithMessages(t.db, 999_999)).rejects.toBeInstanceOf(TicketNotFoundError);
    await expect(addMessage(t.db, 999_999, { sender: 'staff', text: 'x' })).rejects.toBeInstanceOf(TicketNotFoundError);
  });

  it('lists open tickets oldest first and closed ones with their last message time', async () => {
    const open = await listTickets(t.db, 'open');
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((s) => s.status === 'open')).toBe(true);
    const created = open.map((s) => s.createdAt);
    expect(created).toEqual([...created].sort());
    const msgs = open.find((s) => s.conversationKey === 'test/msgs');
    expect(msgs).toMatchObject({ messageCount: 2 });
    expect(msgs?.lastMessageAt).not.toBeNull();
    expect(open.find((s) => s.conversationKey === 'test/idem')).toMatchObject({ messageCount: 0, lastMessageAt: null });
    expect(msgs).not.toHaveProperty('conversationReference');

    const closed = await listTickets(t.db, 'closed');
    expect(closed.map((s) => s.conversationKey)).toEqual(['test/close']);
    expect(closed[0]?.messageCount).toBe(1);
    expect(await listTickets(t.db, 'open', 1)).toHaveLength(1);
  });

  it('answers "no open ticket" from the partial unique index (the probe that runs every turn)', async () => {
    // Last test: a realistic table (many closed tickets, some open) so the planner has a choice.
    await t.db.query(
      `INSERT INTO tickets (conversation_key, channel_id, user_id, language, reason, status, closed_at, conversation_reference)
       SELECT 'bulk/' || g, 'bulk', 'u' || g, 'zh-CN', 'requested',
              CASE WHEN g % 10 = 0 THEN 'open' ELSE 'closed' END, CASE WHEN g % 10 = 0 THEN NULL ELSE now() END, '{}'
       FROM generate_series(1, 5000) g`,
    );
    await t.db.query('ANALYZE tickets');
    const plan = await t.db.query<{ 'QUERY PLAN': string }>(
      "EXPLAIN SELECT id FROM tickets WHERE conversation_key = 'test/none' AND status = 'open'",
    );
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('tickets_one_open_per_conversation');
  });
});
