/**
 * What of a question the best entry leaves unanswered. People often ask two things at once
 * ("I paid into pension and unemployment insurance — what now with both?"); once the top entry
 * is chosen, the words it already covers are removed and the rest is searched again, so the
 * second half of the question can get its own answer.
 */
import type { Entry } from '../schema.js';
import { normalize } from './normalize.js';
import { cut, isStopword } from './segment.js';

const covered = new WeakMap<Entry, string>();

/** The entry's searchable text, normalised once per entry. */
function coveredText(entry: Entry): string {
  let text = covered.get(entry);
  if (text === undefined) {
    text = normalize([entry.title['zh-CN'], entry.answer['zh-CN'], entry.title.en, entry.answer.en, ...entry.keywords].join(' '));
    covered.set(entry, text);
  }
  return text;
}

/** The question's words that the entry's title, answer and keywords do not contain. */
export function residualQuery(question: string, entry: Entry): string {
  const text = coveredText(entry);
  return cut(normalize(question))
    .filter((w) => !isStopword(w) && !text.includes(w))
    .join(' ');
}
