import type { Queryable } from './database.js';

export interface ReminderRequest {
  conversationKey: string;
  kind: 'checkin';
  dueDate: string;
  language: string;
  conversationReference: unknown;
}

/** Records a reminder request; asking again for the same one changes nothing. Returns true if new. */
export async function saveReminderRequest(db: Queryable, r: ReminderRequest): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO reminder_requests (conversation_key, kind, due_date, language, conversation_reference)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (conversation_key, kind, due_date) DO NOTHING`,
    [r.conversationKey, r.kind, r.dueDate, r.language, JSON.stringify(r.conversationReference)],
  );
  return result.rowCount > 0;
}

/** The reminders requested in one conversation, soonest first. */
export async function listReminderRequests(
  db: Queryable,
  conversationKey: string,
): Promise<Array<{ kind: string; dueDate: string; language: string }>> {
  const result = await db.query<{ kind: string; due_date: string | Date; language: string }>(
    `SELECT kind, due_date, language FROM reminder_requests WHERE conversation_key = $1 ORDER BY due_date`,
    [conversationKey],
  );
  return result.rows.map((r) => ({
    kind: r.kind,
    dueDate: r.due_date instanceof Date ? r.due_date.toISOString().slice(0, 10) : String(r.due_date).slice(0, 10),
    language: r.language,
  }));
}
