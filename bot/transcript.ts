/**
 * The last messages of a conversation, kept in conversation state, so a person taking over (a
 * handoff ticket) sees what was said. Bounded: only the most recent turns are kept.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';

export interface TranscriptLine {
  from: 'user' | 'bot';
  text: string;
  at: string;
}

export const TRANSCRIPT_LINES = 20;
const MAX_TEXT = 1000;

/** Records this turn's user message and every message the bot sends in it. */
export async function recordTurn(
  context: TurnContext,
  transcript: StatePropertyAccessor<TranscriptLine[]>,
  now: () => Date,
): Promise<void> {
  const lines = (await transcript.get(context)) ?? [];
  const push = (from: TranscriptLine['from'], text: string | undefined) => {
    if (!text) return;
    lines.push({ from, text: text.slice(0, MAX_TEXT), at: now().toISOString() });
    if (lines.length > TRANSCRIPT_LINES) lines.splice(0, lines.length - TRANSCRIPT_LINES);
  };
  if (context.activity.type === 'message') push('user', context.activity.text);
  context.onSendActivities(async (_ctx, activities, next) => {
    for (const a of activities) if (a.type === 'message') push('bot', a.text);
    return next();
  });
  await transcript.set(context, lines);
}
