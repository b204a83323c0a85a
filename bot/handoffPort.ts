/**
 * Connects the dialogs' "bring in a person" to handoff tickets: opens (or finds) the ticket with
 * the transcript so far and tells the user what happens next; while the ticket is open, the
 * user's messages go to it instead of the bot.
 */
import { MessageFactory, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { HandoffPort, HandoffReason } from '../dialogs/dialogDeps.js';
import type { HandoffService } from './handoff.js';
import type { TranscriptLine } from './transcript.js';
import { turnT } from './turnLocale.js';
import { crisisSignal } from '../policies/engine/gates.js';

export function createHandoffPort(
  service: HandoffService,
  transcript: StatePropertyAccessor<TranscriptLine[]>,
  ticketOpened: StatePropertyAccessor<boolean>,
): HandoffPort {
  return {
    async request(context: TurnContext, reason: HandoffReason): Promise<void> {
      const lines = (await transcript.get(context)) ?? [];
      const ticket = await service.open(context, reason, lines);
      await ticketOpened.set(context, true);
      const t = turnT(context);
      await context.sendActivity(MessageFactory.text(t(ticket.created ? 'ticket.opened' : 'ticket.alreadyOpen')));
    },
  };
}

/**
 * For the start of every turn: when a ticket is open, the message is stored on it, the user is
 * told it was passed on, and the bot stays out of the way. Returns true when that happened.
 *
 * The database is asked only in conversations that opened a ticket (a flag in conversation
 * state); once staff have closed it, the first message finds no open ticket and clears the flag.
 */
export async function forwardToOpenTicket(
  service: HandoffService,
  context: TurnContext,
  ticketOpened: StatePropertyAccessor<boolean>,
): Promise<boolean> {
  if (!(await ticketOpened.get(context))) return false;
  if (!(await service.forwardIfOpen(context))) {
    await ticketOpened.delete(context);
    return false;
  }
  const t = turnT(context);
  // Staff may not read this for hours: a self-harm signal still gets the hotline at once.
  if (crisisSignal(context.activity.text ?? '')) await context.sendActivity(t('crisis.message'));
  await context.sendActivity(t('ticket.forwarded'));
  return true;
}
