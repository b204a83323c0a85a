/**
 * Fact extraction for the guided conversations (eligibility wizard, check-in date wizard): pure
 * functions that read what people type, in Simplified or Traditional Chinese or English. Every
 * word they recognise lives in ./vocabulary.yaml.
 */
export type { Answer, Extraction, FactName, Facts, InvalidReason } from './types.js';
export { extractFacts } from './extract.js';
export { parseAnswer } from './answer.js';
export { parseDate } from './dates.js';
export { parseChineseNumber } from './numbers.js';
export { factsSchema, FACT_NAMES } from './types.js';
