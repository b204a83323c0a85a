/**
 * A stand-in for a Bot Framework channel's connector service: records what the bot sends to
 * POST /v3/conversations/:conversationId/activities[/:replyToId], so tests can check proactive
 * messages without a network. Waiting is by promise (`next()`), never by sleeping.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChannelPost {
  conversationId: string;
  replyToId?: string;
  activity: Record<string, unknown> & { text?: string; recipient?: { id?: string }; from?: { id?: string } };
}

export interface FakeChannel {
  /** The serviceUrl to put on incoming activities. */
  url: string;
  posts: ChannelPost[];
  /** Resolves with the next activity the bot posts (one not yet taken by an earlier `next`). */
  next(): Promise<ChannelPost>;
  /** Answers every following post with this HTTP status (undefined: back to 200). */
  failWith(status: number | undefined): void;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

export async function startFakeChannel(): Promise<FakeChannel> {
  const posts: ChannelPost[] = [];
  const waiting: Array<(post: ChannelPost) => void> = [];
  let taken = 0;
  let failStatus: number | undefined;

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  const answer = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://channel').pathname;
    const match = req.method === 'POST' ? ROUTE.exec(path) : null;
    if (!match) return answer(res, 404, { error: { code: 'NotFound', message: path } });
    readBody(req).then((raw) => {
      if (failStatus !== undefined) return answer(res, failStatus, { error: { code: 'Refused', message: 'refused by test' } });
      const post: ChannelPost = {
        conversationId: decodeURIComponent(match[1] ?? ''),
        ...(match[2] ? { replyToId: decodeURIComponent(match[2]) } : {}),
        activity: JSON.parse(raw) as ChannelPost['activity'],
      };
      posts.push(post);
      const waiter = waiting.shift();
      if (waiter) {
        taken += 1;
        waiter(post);
      }
      answer(res, 200, { id: `x${posts.length}` });
    }, () => answer(res, 400, { error: { code: 'BadRequest', message: 'unreadable body' } }));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    posts,
    next() {
      if (taken < posts.length) return Promise.resolve(posts[taken++] as ChannelPost);
      return new Promise((resolve) => waiting.push(resolve));
    },
    failWith(status) {
      failStatus = status;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
