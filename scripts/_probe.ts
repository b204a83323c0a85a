import { parseConfig } from '../bot/config.js';
import { createLogger } from '../bot/logger.js';
import { createApp } from '../bot/app.js';
import { createPgliteDatabase } from '../db/pgliteDatabase.js';
const db = await createPgliteDatabase();
const app = await createApp({ config: parseConfig({}), logger: createLogger('silent'), db });
const port = await app.listen(0, '127.0.0.1');
const conv = process.argv[2]!;
for (const [i, text] of process.argv.slice(3).entries()) {
  const [locale, t] = text.includes('|') ? text.split('|') : [undefined, text];
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text: t, locale, channelId: 'p', deliveryMode: 'expectReplies', conversation: { id: conv }, from: { id: 'u' }, recipient: { id: 'b' } }) });
  const body = await res.json() as { activities: Array<Record<string, unknown>> };
  for (const a of body.activities) console.log(`#${i}`, a.text, '\n  actions:', JSON.stringify((a.suggestedActions as { actions: unknown[] } | undefined)?.actions?.map((x: any) => x.title)), '\n  entities:', JSON.stringify(a.entities)?.slice(0, 300));
}
await app.stop(); await db.close();
