/**
 * The staff API under /api/staff/: caseworkers list handoff tickets, read them, reply to the
 * user and close them. It shows personal data, so every route needs the STAFF_API_TOKEN bearer
 * token; with no token configured the routes answer 503 and show nothing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import restify, { type Next, type Request, type Response } from 'restify';
import { z } from 'zod';
import { describeInvalid } from '../bot/activityGuard.js';
import { HandoffDeliveryError, type HandoffService } from '../bot/handoff.js';
import type { Logger } from '../bot/logger.js';
import { TicketClosedError, TicketNotFoundError, type Ticket } from '../db/tickets.js';

export interface StaffApiDeps {
  handoff: HandoffService;
  logger: Logger;
  /** STAFF_API_TOKEN; unset disables the staff API. */
  token: string | undefined;
  maxBodyBytes: number;
}

const ticketId = z.object({ id: z.string().regex(/^[1-9]\d{0,14}$/, 'must be a ticket number').transform(Number) });
const listQuery = z
  .object({
    status: z.enum(['open', 'closed']).default('open'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
// Self-declared (the token is shared): recorded on messages and closes, for the team's own records.
const staffId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}_.@-]+$/u, 'letters, digits and _ . @ - only');
const replyBody = z.object({ text: z.string().trim().min(1).max(4000), staffId: staffId.optional() }).strict();
const closeBody = z.object({ staffId: staffId.optional() }).strict();
const DEFAULT_STAFF_ID = 'staff';

type Handler = (req: Request, res: Response) => Promise<void>;

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status);
  res.json({ code, message });
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** What a staff client sees of a ticket: everything but the channel's routing data. */
function publicTicket(ticket: Ticket): Omit<Ticket, 'conversationReference' | 'transcript'> {
  const { conversationReference: _reference, transcript: _transcript, ...rest } = ticket;
  return rest;
}

export function registerStaffRoutes(server: restify.Server, deps: StaffApiDeps): void {
  const { handoff, logger } = deps;
  // Both sides hashed to the same length first, so the comparison time says nothing about the token.
  const expected = deps.token ? digest(deps.token) : undefined;
  const bodyParser = restify.plugins.bodyParser({ maxBodySize: deps.maxBodyBytes, mapParams: false, mapFiles: false });

  // First in every chain: nothing (not even the body) is read for a caller without the token.
  const gate = (req: Request, res: Response, next: Next) => {
    if (!expected) {
      sendError(res, 503, 'StaffApiDisabled', 'the staff API is not enabled (set STAFF_API_TOKEN)');
      return next(false);
    }
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(req.header('authorization') ?? '');
    if (!match?.[1] || !timingSafeEqual(digest(match[1]), expected)) {
      logger.warn({ path: req.path(), method: req.method }, 'staff API: missing or wrong token');
      res.header('WWW-Authenticate', 'Bearer');
      sendError(res, 401, 'Unauthorized', 'a valid staff token is required');
      return next(false);
    }
    return next();
  };

  // A body is optional on close; when there is one it must be JSON.
  const jsonIfBody = (req: Request, res: Response, next: Next) => {
    const hasBody = Number(req.header('content-length') ?? 0) > 0 || req.header('transfer-encoding') !== undefined;
    const type = (req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (hasBody && type !== 'application/json') {
      sendError(res, 415, 'UnsupportedMediaType', 'Content-Type must be application/json');
      return next(false);
    }
    return next();
  };

  /** Runs a handler and turns the handoff errors into their HTTP answers. */
  const run =
    (handler: Handler) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        await handler(req, res);
      } catch (err) {
        if (err instanceof TicketNotFoundError) return sendError(res, 404, 'TicketNotFound', err.message);
        if (err instanceof TicketClosedError) return sendError(res, 409, 'TicketClosed', err.message);
        if (err instanceof HandoffDeliveryError) {
          // Already logged by the service with the ticket id; the message is stored, marked failed.
          return sendError(
            res,
            502,
            'DeliveryFailed',
            `ticket ${err.ticketId}: saved as message ${err.messageId}, but the channel did not accept it`,
          );
        }
        logger.error({ err, path: req.path() }, 'staff API request failed');
        sendError(res, 500, 'InternalError', 'the request could not be processed');
      }
    };

  /** Parses with zod; answers 400 and returns undefined when invalid. */
  const parse = <S extends z.ZodType>(schema: S, value: unknown, res: Response): z.output<S> | undefined => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    sendError(res, 400, 'InvalidRequest', describeInvalid(result.error));
    return undefined;
  };

  server.get(
    '/api/staff/tickets',
    gate,
    run(async (req, res) => {
      const query = parse(listQuery, Object.fromEntries(new URLSearchParams(req.getQuery())), res);
      if (!query) return;
      res.json({ tickets: await handoff.list(query.status, query.limit) });
    }),
  );

  server.get(
    '/api/staff/tickets/:id',
    gate,
    run(async (req, res) => {
      const params = parse(ticketId, req.params, res);
      if (!params) return;
      const { ticket, messages } = await handoff.get(params.id);
      res.json({ ticket: publicTicket(ticket), transcript: ticket.transcript, messages });
    }),
  );

  server.post(
    '/api/staff/tickets/:id/messages',
    gate,
    jsonIfBody,
    bodyParser,
    run(async (req, res) => {
      const params = parse(ticketId, req.params, res);
      const body = params && parse(replyBody, req.body, res);
      if (!params || !body) return;
      const message = await handoff.reply(params.id, body.text, body.staffId ?? DEFAULT_STAFF_ID);
      res.status(201);
      res.json({ message });
    }),
  );

  server.post(
    '/api/staff/tickets/:id/close',
    gate,
    jsonIfBody,
    bodyParser,
    run(async (req, res) => {
      const params = parse(ticketId, req.params, res);
      const body = params && parse(closeBody, req.body ?? {}, res);
      if (!params || !body) return;
      const ticket = await handoff.close(params.id, body.staffId ?? DEFAULT_STAFF_ID);
      res.json({ ticket: publicTicket(ticket) });
    }),
  );
}
