/**
 * The schema.org citation entity of ../shared/contracts.md section 2: one `Message` entity per
 * answer, one `Claim` per cited passage, naming the document and quoting section and passage.
 */
import type { Entity } from 'botbuilder';
import type { Entry } from './schema.js';

export const CITATION_ENTITY_TYPE = 'https://schema.org/Message';

export interface CitationClaim {
  '@type': 'Claim';
  position: number;
  appearance: {
    '@type': 'DigitalDocument';
    name: string;
    abstract: string;
    keywords: string[];
  };
}

/** Builds the citation entity for the entries an answer rests on (in the order shown). */
export function citationEntity(entries: Entry[]): Entity {
  const citation: CitationClaim[] = entries
    .flatMap((entry) => entry.sources.map((source) => ({ entry, source })))
    .map(({ entry, source }, i) => ({
      '@type': 'Claim',
      position: i + 1,
      appearance: {
        '@type': 'DigitalDocument',
        name: source.document,
        abstract: `${source.section}：${source.passage.replace(/\s+/g, ' ').trim()}`,
        keywords: entry.keywords.slice(0, 5),
      },
    }));
  return {
    type: CITATION_ENTITY_TYPE,
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    citation,
  };
}
