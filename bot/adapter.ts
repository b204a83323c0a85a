/**
 * The Bot Framework adapter: CloudAdapter with Bot Framework JWT authentication when an app id is
 * configured, none otherwise (local development, the Emulator). Errors in a turn are logged with
 * context and the user gets an apology in their language; the broken dialog is cleared.
 */
import {
  CloudAdapter,
  type Activity,
  type InvokeResponse,
  ConfigurationBotFrameworkAuthentication,
  type ConversationState,
  type TurnContext,
} from 'botbuilder';
import type { i18n } from 'i18next';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { resolveLanguage } from './language.js';

/**
 * CloudAdapter with the request already parsed and validated by our server: exposes
 * `processActivity` so the server, not botbuilder, decides how errors are logged and answered.
 */
export class AnbangAdapter extends CloudAdapter {
  /** Authenticates and runs one incoming activity; rejects with a 401 AuthenticationError when unsigned. */
  processIncoming(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

export function createAdapter(deps: {
  config: Pick<Config, 'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppType' | 'MicrosoftAppTenantId'>;
  logger: Logger;
  i18n: i18n;
  conversationState: ConversationState;
}): AnbangAdapter {
  const { config, logger, i18n, conversationState } = deps;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  });
  const adapter = new AnbangAdapter(auth);

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const { activity } = context;
    logger.error(
      {
        err: error,
        activityType: activity.type,
        channelId: activity.channelId,
        conversationId: activity.conversation?.id,
      },
      'turn failed',
    );
    try {
      const language = resolveLanguage({ locale: activity.locale, text: activity.text });
      await context.sendActivity(i18n.getFixedT(language)('error.apology'));
      // Start the conversation afresh rather than failing the same way on every message.
      await conversationState.delete(context);
    } catch (inner) {
      logger.error({ err: inner, conversationId: activity.conversation?.id }, 'could not apologise after a failed turn');
    }
  };
  return adapter;
}
