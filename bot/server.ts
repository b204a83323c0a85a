/**
 * The HTTP server: `POST /api/messages` (Bot Framework protocol) and `GET /healthz`.
 * `createServer` only builds it; `listen` is the caller's, so tests can run it in-process.
 */
import restify, { type Request, type Response, type Next } from 'restify';
import type { Activity, ActivityHandler } from 'botbuilder';
import type { AnbangAdapter } from './adapter.js';
import type { Database } from '../db/database.js';
import type { Logger } from './logger.js';
import { incomingActivity, describeInvalid } from './activityGuard.js';

export interface ServerDeps {
  adapter: AnbangAdapter;
  bot: Pick<ActivityHandler, 'run'>;
  db: Database;
  logger: Logger;
  maxBodyBytes: number;
}

export interface BotServer {
  server: restify.Server;
  /** Stops taking requests and resolves when the turns under way have finished (or `timeoutMs` passed). */
  drain(timeoutMs: number): Promise<{ unfinished: number }>;
}

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status);
  res.json({ code, message });
}

export function createServer(deps: ServerDeps): BotServer {
  const { adapter, bot, db, logger } = deps;
  const server = restify.createServer({ name: 'anbang', handleUncaughtExceptions: false });
  let inFlight = 0;
  let draining = false;
  let idle: (() => void) | undefined;

  server.on('restifyError', (req: Request, res: Response, err: Error & { statusCode?: number }, cb: () => void) => {
    // restify's own errors (bad JSON, too large, not found …) are already JSON; just log them.
    logger.warn({ status: err.statusCode, path: req.path(), error: err.name }, 'request rejected');
    cb();
  });

  const requireJson = (req: Request, res: Response, next: Next) => {
    if (draining) {
      res.header('Connection', 'close');
      return sendError(res, 503, 'ShuttingDown', 'the server is shutting down');
    }
    const type = (req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      return sendError(res, 415, 'UnsupportedMediaType', 'Content-Type must be application/json');
    }
    return next();
  };

  const handleMessage = async (req: Request, res: Response) => {
    const parsed = incomingActivity.safeParse(req.body);
    if (!parsed.success) return sendError(res, 400, 'InvalidActivity', describeInvalid(parsed.error));
    inFlight += 1;
    const started = process.hrtime.bigint();
    try {
      const authHeader = req.header('authorization') ?? '';
      const invoke = await adapter.processIncoming(authHeader, parsed.data as unknown as Activity, (ctx) => bot.run(ctx));
      res.status(invoke?.status ?? 200);
      if (invoke?.body !== undefined) res.json(invoke.body);
      else res.end();
    } catch (err) {
      const status = (err as { statusCode?: number }).statusCode;
      if (status === 401 || status === 403) {
        logger.warn({ status }, 'unauthenticated request');
        sendError(res, 401, 'Unauthorized', 'a valid Bot Framework token is required');
      } else {
        logger.error({ err }, 'request failed');
        sendError(res, 500, 'InternalError', 'the turn could not be processed');
      }
    } finally {
      inFlight -= 1;
      logger.debug({ ms: Number(process.hrtime.bigint() - started) / 1e6, type: parsed.data.type }, 'turn');
      if (inFlight === 0) idle?.();
    }
  };

  server.post(
    '/api/messages',
    requireJson,
    restify.plugins.bodyParser({ maxBodySize: deps.maxBodyBytes, mapParams: false, mapFiles: false }),
    handleMessage,
  );

  server.get('/healthz', async (_req: Request, res: Response) => {
    try {
      await db.query('SELECT 1');
      res.json({ status: 'ok', database: { kind: db.kind, reachable: true } });
    } catch (err) {
      logger.error({ err }, 'health check: database unreachable');
      res.status(503);
      res.json({ status: 'unavailable', database: { kind: db.kind, reachable: false } });
    }
  });

  return {
    server,
    async drain(timeoutMs) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeIdleConnections();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          idle = resolve;
          setTimeout(resolve, timeoutMs).unref();
        });
      }
      const unfinished = inFlight;
      server.server.closeAllConnections();
      await closed;
      return { unfinished };
    },
  };
}
