/**
 * Handoff tickets (db/migrations/002_handoff.sql): typed queries over any {@link Queryable}.
 * Message texts are personal data: they go into the database and nowhere else (not into errors).
 */
import type { ConversationReference } from 'botbuilder';
import type { Queryable } from './database.js';

export const TICKET_REASONS = ['requested', 'misunderstood', 'crisis', 'handoff_action'] as const;
export type TicketReason = (typeof TICKET_REASONS)[number];
export type TicketStatus = 'open' | 'closed';
export type MessageSender = 'user' | 'staff' | 'system';
export type Delivery = 'pending' | 'sent' | 'failed';

/** One line of what was said before the handoff. */
export interface TranscriptLine {
  from: 'user' | 'bot';
  text: string;
  at: string;
}

export interface Ticket {
  id: number;
  conversationKey: string;
  channelId: string;
  userId: string;
  language: string;
  reason: TicketReason;
  status: TicketStatus;
  createdAt: string;
  closedAt: string | null;
  closedBy: string | null;
  conversationReference: Partial<ConversationReference>;
  transcript: TranscriptLine[];
}

export interface TicketMessage {
  id: number;
  ticketId: number;
  sender: MessageSender;
  staffId: string | null;
  text: string;
  attachmentCount: number;
  delivery: Delivery | null;
  createdAt: string;
}

/** A ticket in the staff list: no reference or transcript, but when it last saw a message. */
export type TicketSummary = Omit<Ticket, 'conversationReference' | 'transcript'> & {
  messageCount: number;
  lastMessageAt: string | null;
};

export interface NewTicket {
  conversationKey: string;
  channelId: string;
  userId: string;
  language: string;
  reason: TicketReason;
  conversationReference: Partial<ConversationReference>;
  transcript: TranscriptLine[];
}

export class TicketNotFoundError extends Error {
  constructor(readonly ticketId: number) {
    super(`ticket ${ticketId} not found`);
    this.name = 'TicketNotFoundError';
  }
}

export class TicketClosedError extends Error {
  constructor(readonly ticketId: number) {
    super(`ticket ${ticketId} is closed`);
    this.name = 'TicketClosedError';
  }
}

const TICKET_COLUMNS = `id, conversation_key, channel_id, user_id, language, reason, status, created_at, closed_at,
  closed_by, conversation_reference, transcript`;
const MESSAGE_COLUMNS = 'id, ticket_id, sender, staff_id, text, attachment_count, delivery, created_at';

type Row = Record<string, unknown>;

// pg returns bigint as a string and PGlite as a BigInt; ids stay far below 2^53.
const num = (v: unknown): number => Number(v);
// Both drivers return timestamptz as a Date, but a string is accepted too.
const iso = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();
const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));

function toTicketBase(r: Row): Omit<Ticket, 'conversationReference' | 'transcript'> {
  return {
    id: num(r.id),
    conversationKey: String(r.conversation_key),
    channelId: String(r.channel_id),
    userId: String(r.user_id),
    language: String(r.language),
    reason: r.reason as TicketReason,
    status: r.status as TicketStatus,
    createdAt: iso(r.created_at),
    closedAt: isoOrNull(r.closed_at),
    closedBy: (r.closed_by as string | null) ?? null,
  };
}

function toTicket(r: Row): Ticket {
  return {
    ...toTicketBase(r),
    conversationReference: r.conversation_reference as Partial<ConversationReference>,
    transcript: r.transcript as TranscriptLine[],
  };
}

function toMessage(r: Row): TicketMessage {
  return {
    id: num(r.id),
    ticketId: num(r.ticket_id),
    sender: r.sender as MessageSender,
    staffId: (r.staff_id as string | null) ?? null,
    text: String(r.text),
    attachmentCount: num(r.attachment_count),
    delivery: (r.delivery as Delivery | null) ?? null,
    createdAt: iso(r.created_at),
  };
}

/** The conversation's open ticket, if any. */
export async function findOpenTicket(q: Queryable, conversationKey: string): Promise<Ticket | undefined> {
  const result = await q.query<Row>(
    `SELECT ${TICKET_COLUMNS} FROM tickets WHERE conversation_key = $1 AND status = 'open'`,
    [conversationKey],
  );
  return result.rows[0] ? toTicket(result.rows[0]) : undefined;
}

/**
 * Opens a ticket for the conversation, or returns the one already open there (its reason and
 * transcript are kept; `created` is false). Safe when two turns race: the partial unique index
 * lets only one insert win and the other finds the winner.
 */
export async function openTicket(q: Queryable, input: NewTicket): Promise<{ ticket: Ticket; created: boolean }> {
  if (!(TICKET_REASONS as readonly string[]).includes(input.reason)) throw new TypeError(`unknown handoff reason: ${input.reason}`);
  // A few rounds only in the unlikely case the open ticket is closed between insert and select.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const inserted = await q.query<Row>(
      `INSERT INTO tickets (conversation_key, channel_id, user_id, language, reason, conversation_reference, transcript)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)
       ON CONFLICT (conversation_key) WHERE status = 'open' DO NOTHING
       RETURNING ${TICKET_COLUMNS}`,
      [
        input.conversationKey,
        input.channelId,
        input.userId,
        input.language,
        input.reason,
        JSON.stringify(input.conversationReference),
        JSON.stringify(input.transcript),
      ],
    );
    if (inserted.rows[0]) return { ticket: toTicket(inserted.rows[0]), created: true };
    const existing = await findOpenTicket(q, input.conversationKey);
    if (existing) return { ticket: existing, created: false };
  }
  throw new Error('could not open a ticket: the open ticket kept changing');
}

/**
 * Stores a message from the user on the conversation's open ticket, in one statement (it runs
 * on every turn, and with no open ticket it is one probe of the partial unique index).
 * Returns the ticket id, or undefined when no ticket is open.
 */
export async function addUserMessageIfOpen(
  q: Queryable,
  conversationKey: string,
  text: string,
  attachmentCount = 0,
): Promise<number | undefined> {
  const result = await q.query<Row>(
    `INSERT INTO ticket_messages (ticket_id, sender, text, attachment_count)
     SELECT id, 'user', $2::text, $3::integer FROM tickets WHERE conversation_key = $1 AND status = 'open'
     RETURNING ticket_id`,
    [conversationKey, text, attachmentCount],
  );
  return result.rows[0] ? num(result.rows[0].ticket_id) : undefined;
}

/** The ticket, or {@link TicketNotFoundError}. */
export async function getTicket(q: Queryable, ticketId: number): Promise<Ticket> {
  const result = await q.query<Row>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE id = $1`, [ticketId]);
  if (!result.rows[0]) throw new TicketNotFoundError(ticketId);
  return toTicket(result.rows[0]);
}

/** The ticket with its messages, oldest first. */
export async function getTicketWithMessages(
  q: Queryable,
  ticketId: number,
): Promise<{ ticket: Ticket; messages: TicketMessage[] }> {
  const ticket = await getTicket(q, ticketId);
  const messages = await q.query<Row>(
    `SELECT ${MESSAGE_COLUMNS} FROM ticket_messages WHERE ticket_id = $1 ORDER BY created_at, id`,
    [ticketId],
  );
  return { ticket, messages: messages.rows.map(toMessage) };
}

/**
 * Adds a staff or system message to an open ticket (checked in the same statement, so a
 * concurrent close cannot slip in between). Throws {@link TicketNotFoundError} or
 * {@link TicketClosedError}; `requireOpen: false` allows the closing notice on a closed ticket.
 */
export async function addMessage(
  q: Queryable,
  ticketId: number,
  message: { sender: MessageSender; text: string; staffId?: string; delivery?: Delivery; requireOpen?: boolean },
): Promise<TicketMessage> {
  const result = await q.query<Row>(
    `INSERT INTO ticket_messages (ticket_id, sender, staff_id, text, delivery)
     SELECT id, $2::text, $3::text, $4::text, $5::text FROM tickets WHERE id = $1 AND (status = 'open' OR NOT $6::boolean)
     RETURNING ${MESSAGE_COLUMNS}`,
    [ticketId, message.sender, message.staffId ?? null, message.text, message.delivery ?? null, message.requireOpen ?? true],
  );
  if (result.rows[0]) return toMessage(result.rows[0]);
  await getTicket(q, ticketId); // throws TicketNotFoundError
  throw new TicketClosedError(ticketId);
}

/** Records whether the channel accepted a message sent to the user. */
export async function setDelivery(q: Queryable, messageId: number, delivery: Delivery): Promise<void> {
  await q.query('UPDATE ticket_messages SET delivery = $2 WHERE id = $1', [messageId, delivery]);
}

/** Tickets by status: open ones oldest first (a queue), closed ones most recently closed first. */
export async function listTickets(q: Queryable, status: TicketStatus, limit = 100): Promise<TicketSummary[]> {
  const order = status === 'open' ? 't.created_at ASC, t.id ASC' : 't.closed_at DESC, t.id DESC';
  const result = await q.query<Row>(
    `SELECT t.id, t.conversation_key, t.channel_id, t.user_id, t.language, t.reason, t.status, t.created_at,
            t.closed_at, t.closed_by, m.message_count, m.last_message_at
     FROM tickets t
     LEFT JOIN LATERAL (
       SELECT count(*) AS message_count, max(created_at) AS last_message_at FROM ticket_messages WHERE ticket_id = t.id
     ) m ON true
     WHERE t.status = $1
     ORDER BY ${order}
     LIMIT $2`,
    [status, limit],
  );
  return result.rows.map((r) => ({
    ...toTicketBase(r),
    messageCount: num(r.message_count ?? 0),
    lastMessageAt: isoOrNull(r.last_message_at),
  }));
}

/** Closes an open ticket; {@link TicketNotFoundError}, or {@link TicketClosedError} if already closed. */
export async function closeTicket(q: Queryable, ticketId: number, staffId: string): Promise<Ticket> {
  const result = await q.query<Row>(
    `UPDATE tickets SET status = 'closed', closed_at = now(), closed_by = $2
     WHERE id = $1 AND status = 'open'
     RETURNING ${TICKET_COLUMNS}`,
    [ticketId, staffId],
  );
  if (result.rows[0]) return toTicket(result.rows[0]);
  await getTicket(q, ticketId); // throws TicketNotFoundError
  throw new TicketClosedError(ticketId);
}
