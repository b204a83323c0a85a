import { TurnContext } from 'botbuilder';
import type { Database } from '../db/database.js';
import { saveReminderRequest } from '../db/reminderRequests.js';
import type { ReminderPort } from '../dialogs/dialogDeps.js';
import { conversationKey } from './handoff.js';
import { turnLanguage } from './turnLocale.js';

/** Stores reminder requests in PostgreSQL, with what the notifier needs to reach the person. */
export function createReminderPort(db: Database): ReminderPort {
  return {
    async requestCheckinReminder(context, deadline) {
      await saveReminderRequest(db, {
        conversationKey: conversationKey(context.activity) ?? '',
        kind: 'checkin',
        dueDate: deadline,
        language: turnLanguage(context),
        conversationReference: TurnContext.getConversationReference(context.activity),
      });
    },
  };
}
