-- Conversation and user state written by botbuilder's BotState through PostgresStorage.
-- etag is a fresh random value on every write (botbuilder's optimistic concurrency).
CREATE TABLE bot_state (
  key text PRIMARY KEY,
  document jsonb NOT NULL,
  etag text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
