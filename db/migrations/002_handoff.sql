-- Human handoff: a ticket per request for a person, and the messages exchanged on it.
--
-- The transcript (what the user and the bot said before the handoff) is a jsonb array on the
-- ticket, not rows of ticket_messages: it is written once, always read whole with the ticket and
-- never queried by itself, and keeping it apart means ticket_messages holds only the live
-- exchange with staff, so "last message" in the staff list means what it says.
CREATE TABLE tickets (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- channelId + '/' + conversation.id: one user conversation on one channel.
  conversation_key text NOT NULL,
  channel_id text NOT NULL,
  user_id text NOT NULL,
  language text NOT NULL,
  -- requested | misunderstood | crisis | handoff_action …; checked in code (db/tickets.ts), not
  -- here, so a new reason needs no migration.
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  closed_by text,
  -- botbuilder ConversationReference: what continueConversationAsync needs to reach the user.
  conversation_reference jsonb NOT NULL,
  transcript jsonb NOT NULL DEFAULT '[]'::jsonb,
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);

-- At most one open ticket per conversation; also the index forwardIfOpen hits on every turn.
CREATE UNIQUE INDEX tickets_one_open_per_conversation ON tickets (conversation_key) WHERE status = 'open';
-- The staff lists: open tickets oldest first, closed ones most recently closed first.
CREATE INDEX tickets_open_by_age ON tickets (created_at) WHERE status = 'open';
CREATE INDEX tickets_closed_by_time ON tickets (closed_at DESC) WHERE status = 'closed';

CREATE TABLE ticket_messages (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ticket_id bigint NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  sender text NOT NULL CHECK (sender IN ('user', 'staff', 'system')),
  -- Which staff member wrote it (self-declared through the staff API); null for user messages.
  staff_id text,
  text text NOT NULL,
  -- Attachments the user sent with the message (we keep only how many, not their content).
  attachment_count integer NOT NULL DEFAULT 0,
  -- For messages sent to the user: 'pending' until the channel accepted it, then 'sent' or
  -- 'failed'. Null for messages from the user.
  delivery text CHECK (delivery IN ('pending', 'sent', 'failed')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ticket_messages_by_ticket ON ticket_messages (ticket_id, created_at, id);
