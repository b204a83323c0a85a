/**
 * Child process for bench:turns: serves either the real bot (`bot`) or the echo bot (`echo`) on a
 * free port and prints `{"port": n}` on its first stdout line. Runs in its own process so that
 * its peak RSS can be read from /proc.
 */
import { createEchoServer } from './echoBot.js';
import { parseConfig } from '../bot/config.js';
import { createLogger } from '../bot/logger.js';
import { createApp } from '../bot/app.js';

const mode = process.argv[2];
if (mode === 'echo') {
  const server = createEchoServer();
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
} else if (mode === 'bot') {
  const config = parseConfig({ ...process.env, LOG_LEVEL: 'warn' });
  const app = await createApp({ config, logger: createLogger('warn', undefined) });
  const port = await app.listen(0, '127.0.0.1');
  process.stdout.write(`${JSON.stringify({ port })}\n`);
  process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));
} else {
  process.stderr.write('usage: serve.ts bot|echo\n');
  process.exit(2);
}
