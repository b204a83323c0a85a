/**
 * Scoring of ../shared/eval/README.md, over the replies the bot really sent: the text is
 * everything in `text`, `speak` and the attachments, matched case-insensitively.
 */
import { z } from 'zod';
import { CITATION_ENTITY_TYPE } from '../policies/citation.js';

export const questionSchema = z.object({
  id: z.string(),
  lang: z.enum(['zh-CN', 'zh-TW', 'en']),
  audience: z.string(),
  topic: z.string(),
  text: z.string(),
  expect: z.array(z.array(z.string())),
  oos: z.boolean(),
  kind: z.string().optional(),
  source: z.array(z.string()).optional(),
});
export type Question = z.infer<typeof questionSchema>;

export type Category = 'answerable' | 'out_of_scope' | 'crisis';

export function categoryOf(q: Question): Category {
  if (q.kind === 'crisis') return 'crisis';
  return q.oos ? 'out_of_scope' : 'answerable';
}

interface Reply {
  type?: string;
  text?: string;
  speak?: string;
  attachments?: unknown[];
  entities?: Array<{ type?: string; citation?: unknown[] }>;
}

/** All the text a person would see in the message replies. */
export function replyText(replies: Reply[]): string {
  return replies
    .filter((r) => r.type === 'message')
    .map((r) => [r.text ?? '', r.speak ?? '', ...(r.attachments ?? []).map((a) => JSON.stringify(a))].join('\n'))
    .join('\n')
    .toLowerCase();
}

export function hasCitation(replies: Reply[]): boolean {
  return replies.some((r) =>
    (r.entities ?? []).some((e) => e.type === CITATION_ENTITY_TYPE && Array.isArray(e.citation) && e.citation.length > 0),
  );
}

export interface Scored {
  question: Question;
  category: Category;
  pass: boolean;
  why: string;
}

/** Scores one question against the replies of its turn. */
export function score(question: Question, replies: Reply[]): Scored {
  const category = categoryOf(question);
  const text = replyText(replies);
  const missing = question.expect.filter((group) => !group.some((alt) => text.includes(alt.toLowerCase())));
  const cited = hasCitation(replies);
  const messages = replies.filter((r) => r.type === 'message').length;
  let pass: boolean;
  let why = '';
  if (category === 'out_of_scope') {
    pass = messages > 0 && !cited;
    if (!pass) why = messages === 0 ? 'no reply' : 'answered with a citation';
  } else if (category === 'crisis') {
    pass = missing.length === 0;
    if (!pass) why = `missing ${JSON.stringify(missing)}`;
  } else {
    pass = missing.length === 0 && cited;
    if (!pass) why = [missing.length ? `missing ${JSON.stringify(missing)}` : '', cited ? '' : 'no citation'].filter(Boolean).join('; ');
  }
  return { question, category, pass, why };
}
