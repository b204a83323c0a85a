/**
 * Human handoff: a user asks for a person (or the bot gives up, or sees a crisis), a ticket is
 * opened, the user's messages go onto it instead of to the bot, staff answer through the staff
 * API, and their replies reach the user proactively through the Bot Framework channel.
 */
import { MessageFactory, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { i18n } from 'i18next';
import type { Database } from '../db/database.js';
import {
  addMessage,
  addUserMessageIfOpen,
  closeTicket,
  findOpenTicket,
  getTicket,
  getTicketWithMessages,
  listTickets,
  openTicket,
  setDelivery,
  TicketClosedError,
  type Ticket,
  type TicketMessage,
  type TicketReason,
  type TicketStatus,
  type TicketSummary,
  type TranscriptLine,
} from '../db/tickets.js';
import type { AnbangAdapter } from './adapter.js';
import { DEFAULT_LANGUAGE, LANGUAGES, translator, type Language } from './i18n.js';
import { resolveLanguage } from './language.js';
import type { Logger } from './logger.js';
import { turnLanguage } from './turnLocale.js';

export { TicketClosedError, TicketNotFoundError } from '../db/tickets.js';

/** Bounds on what one ticket stores of the conversation before the handoff. */
const MAX_TRANSCRIPT_LINES = 50;
const MAX_LINE_CHARS = 4000;

export interface HandoffDeps {
  db: Database;
  adapter: AnbangAdapter;
  /** MicrosoftAppId; empty or unset when the bot runs without Bot Framework authentication. */
  appId?: string | undefined;
  logger: Logger;
  i18n: i18n;
}

/** The ticket, and whether this call opened it (false: it was already open). */
export type OpenedTicket = Ticket & { created: boolean };

/** A message to the user could not be delivered; it is stored on the ticket marked 'failed'. */
export class HandoffDeliveryError extends Error {
  constructor(
    readonly ticketId: number,
    readonly messageId: number,
    override readonly cause: unknown,
  ) {
    super(`could not deliver message ${messageId} of ticket ${ticketId} to the user: ${describeError(cause).message}`);
    this.name = 'HandoffDeliveryError';
  }
}

/** Identifies one conversation on one channel (the partial unique index is on this). */
export function conversationKey(activity: Pick<Partial<Activity>, 'channelId' | 'conversation'>): string | undefined {
  const id = activity.conversation?.id;
  return activity.channelId && id ? `${activity.channelId}/${id}` : undefined;
}

// Only name, message and status: connector errors carry the request, whose body is the user's text.
function describeError(err: unknown): { name: string; message: string; statusCode?: number } {
  const e = err as { name?: unknown; message?: unknown; statusCode?: unknown } | undefined;
  return {
    name: typeof e?.name === 'string' ? e.name : 'Error',
    message: typeof e?.message === 'string' ? e.message.slice(0, 300) : String(err).slice(0, 300),
    ...(typeof e?.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
  };
}

function asLanguage(value: string): Language {
  return (LANGUAGES as readonly string[]).includes(value) ? (value as Language) : DEFAULT_LANGUAGE;
}

export class HandoffService {
  constructor(private readonly deps: HandoffDeps) {}

  /**
   * Opens a ticket for this turn's conversation, or returns the one already open there (whose
   * reason and transcript stay as they were). Stores the conversation reference so staff replies
   * can reach the user later. The caller tells the user (`ticket.opened` / `ticket.alreadyOpen`).
   */
  async open(context: TurnContext, reason: TicketReason, transcript: TranscriptLine[]): Promise<OpenedTicket> {
    const { activity } = context;
    const key = conversationKey(activity);
    if (!key) throw new TypeError('cannot open a ticket: the activity has no channelId or conversation.id');
    const reference = TurnContext.getConversationReference(activity);
    const { ticket, created } = await openTicket(this.deps.db, {
      conversationKey: key,
      channelId: activity.channelId,
      userId: activity.from?.id ?? '',
      language: this.languageOf(context),
      reason,
      conversationReference: reference,
      transcript: transcript
        .slice(-MAX_TRANSCRIPT_LINES)
        .map((l) => ({ from: l.from, text: l.text.slice(0, MAX_LINE_CHARS), at: l.at })),
    });
    this.deps.logger.info({ ticketId: ticket.id, reason: ticket.reason, created }, 'handoff ticket opened');
    return { ...ticket, created };
  }

  /**
   * Every turn: when the conversation has an open ticket, stores the user's message on it and
   * returns true (the caller acknowledges with `ticket.forwarded` and skips the bot). One indexed
   * statement; activities other than messages are never forwarded and cost no query.
   */
  async forwardIfOpen(context: TurnContext): Promise<boolean> {
    const { activity } = context;
    if (activity.type !== 'message') return false;
    const key = conversationKey(activity);
    if (!key) return false;
    const ticketId = await addUserMessageIfOpen(this.deps.db, key, activity.text ?? '', activity.attachments?.length ?? 0);
    if (ticketId === undefined) return false;
    this.deps.logger.debug({ ticketId }, 'user message added to handoff ticket');
    return true;
  }

  /** The conversation's open ticket, if any (e.g. to say `ticket.alreadyOpen`). */
  findOpen(context: TurnContext): Promise<Ticket | undefined> {
    const key = conversationKey(context.activity);
    return key ? findOpenTicket(this.deps.db, key) : Promise.resolve(undefined);
  }

  list(status: TicketStatus, limit?: number): Promise<TicketSummary[]> {
    return listTickets(this.deps.db, status, limit);
  }

  get(ticketId: number): Promise<{ ticket: Ticket; messages: TicketMessage[] }> {
    return getTicketWithMessages(this.deps.db, ticketId);
  }

  /**
   * Stores a staff reply and delivers it to the user. Throws TicketNotFoundError,
   * TicketClosedError, or {@link HandoffDeliveryError} (the message stays stored, marked failed).
   */
  async reply(ticketId: number, text: string, staffId: string): Promise<TicketMessage> {
    const ticket = await getTicket(this.deps.db, ticketId);
    if (ticket.status !== 'open') throw new TicketClosedError(ticketId);
    const message = await addMessage(this.deps.db, ticketId, { sender: 'staff', staffId, text, delivery: 'pending' });
    const t = translator(this.deps.i18n, asLanguage(ticket.language));
    await this.deliver(ticket, message, t('ticket.staffMessage', { text }));
    this.deps.logger.info({ ticketId, messageId: message.id, staffId }, 'staff reply delivered');
    return { ...message, delivery: 'sent' };
  }

  /**
   * Closes the ticket and tells the user, in the ticket's language, that they are back with the
   * bot. The ticket stays closed even if that notice cannot be delivered (HandoffDeliveryError):
   * the user's next message then simply reaches the bot.
   */
  async close(ticketId: number, staffId: string): Promise<Ticket> {
    const ticket = await closeTicket(this.deps.db, ticketId, staffId);
    this.deps.logger.info({ ticketId, staffId }, 'handoff ticket closed');
    const text = translator(this.deps.i18n, asLanguage(ticket.language))('ticket.closed');
    const notice = await addMessage(this.deps.db, ticketId, {
      sender: 'system',
      staffId,
      text,
      delivery: 'pending',
      requireOpen: false,
    });
    await this.deliver(ticket, notice, text);
    return ticket;
  }

  /**
   * Sends one message into the ticket's conversation and records the outcome on the message.
   * The send is caught inside the proactive turn on purpose: an error escaping it would go to
   * the adapter's onTurnError, which apologises to the user, clears their conversation state and
   * then returns normally — the failure would be swallowed.
   */
  private async deliver(ticket: Ticket, message: TicketMessage, text: string): Promise<void> {
    const reference = ticket.conversationReference as Partial<ConversationReference>;
    let failure: unknown;
    let failed = false;
    try {
      if (!reference.serviceUrl) throw new Error('the conversation reference has no serviceUrl');
      await this.deps.adapter.continueConversationAsync(this.deps.appId ?? '', reference, async (ctx) => {
        try {
          await ctx.sendActivity(MessageFactory.text(text));
        } catch (err) {
          failed = true;
          failure = err;
        }
      });
    } catch (err) {
      failed = true;
      failure = err;
    }
    if (!failed) {
      await setDelivery(this.deps.db, message.id, 'sent');
      return;
    }
    this.deps.logger.error(
      { ticketId: ticket.id, messageId: message.id, sender: message.sender, error: describeError(failure) },
      'handoff message could not be delivered',
    );
    await setDelivery(this.deps.db, message.id, 'failed').catch((err: unknown) =>
      this.deps.logger.error({ ticketId: ticket.id, messageId: message.id, error: describeError(err) }, 'could not mark delivery failed'),
    );
    throw new HandoffDeliveryError(ticket.id, message.id, failure);
  }

  /** The turn's reply language when the bot has set it, else what the activity suggests. */
  private languageOf(context: TurnContext): Language {
    try {
      return turnLanguage(context);
    } catch {
      return resolveLanguage({ locale: context.activity.locale, text: context.activity.text });
    }
  }
}
