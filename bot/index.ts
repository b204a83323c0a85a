/** Entry point: `npm start`. Reads the configuration, starts the service, stops it on SIGTERM. */
import { loadConfigOrExit } from './config.js';
import { createLogger } from './logger.js';
import { createApp } from './app.js';

const config = loadConfigOrExit();
const logger = createLogger(config.LOG_LEVEL);

try {
  const app = await createApp({ config, logger });
  const port = await app.listen(config.PORT);
  logger.info(
    { port, database: app.db.kind, auth: config.MicrosoftAppId ? 'bot-framework' : 'none' },
    `Anbang is listening on http://localhost:${port}/api/messages`,
  );
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => {
        logger.info('stopped');
        logger.flush();
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        logger.flush();
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
} catch (err) {
  logger.fatal({ err }, 'could not start');
  logger.flush();
  process.exit(1);
}
