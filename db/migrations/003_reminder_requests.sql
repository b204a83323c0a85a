-- Reminders people asked for in a conversation (e.g. the last day to report), kept for the
-- notifier. One per (conversation, kind, due date): asking twice does not remind twice.
CREATE TABLE reminder_requests (
  id bigserial PRIMARY KEY,
  conversation_key text NOT NULL,
  kind text NOT NULL,
  due_date date NOT NULL,
  language text NOT NULL,
  conversation_reference jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (conversation_key, kind, due_date)
);
