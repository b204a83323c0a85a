/**
 * The shape an incoming request body must have before it reaches the adapter. botbuilder would
 * otherwise fail deep inside a turn (state keys need the channel, conversation and user ids).
 */
import { z } from 'zod';

const id = z.object({ id: z.string().min(1).max(512) }).passthrough();

export const incomingActivity = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().min(1).max(128),
    conversation: id,
    from: id,
    text: z.string().max(50_000).optional(),
    locale: z.string().max(35).optional(),
    deliveryMode: z.string().optional(),
    serviceUrl: z.string().optional(),
  })
  .passthrough()
  .refine((a) => a.deliveryMode === 'expectReplies' || (a.serviceUrl ?? '') !== '', {
    message: 'serviceUrl is required unless deliveryMode is "expectReplies"',
    path: ['serviceUrl'],
  });

/** Describes what is wrong with a body, in one line, for the 400 response. */
export function describeInvalid(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}
