/**
 * The inverted index behind the retriever: BM25F over words and, separately, over Chinese
 * character n-grams.
 *
 * BM25F folds every field of a document into one pseudo term frequency before saturation, so a
 * term found in the title and in the answer is not counted as two independent pieces of evidence
 * (which plain per-field BM25 summed would do, over-rewarding long entries).
 */

/** One field of a document: its tokens and how much a hit in it counts. */
export interface FieldSpec {
  name: string;
  weight: number;
  /** Length normalisation strength (BM25's b) for this field. */
  b: number;
}

/** Posting: document index and its weighted, length-normalised term frequency. */
type Posting = [doc: number, tf: number];

/** A built BM25F index; immutable after construction. */
export class Bm25fIndex {
  private readonly postings = new Map<string, Posting[]>();
  private readonly idf = new Map<string, number>();
  readonly size: number;

  /**
   * @param docs for each document, the tokens of each field (keyed by field name)
   * @param fields the fields, their weights and length normalisation
   * @param k1 BM25 term-frequency saturation
   */
  constructor(docs: Array<Record<string, string[]>>, fields: FieldSpec[], private readonly k1 = 1.2) {
    this.size = docs.length;
    const avgLen = new Map<string, number>();
    for (const f of fields) {
      const total = docs.reduce((s, d) => s + (d[f.name]?.length ?? 0), 0);
      avgLen.set(f.name, Math.max(1, total / Math.max(1, docs.length)));
    }
    docs.forEach((doc, i) => {
      const tf = new Map<string, number>();
      for (const f of fields) {
        const toks = doc[f.name] ?? [];
        if (toks.length === 0) continue;
        const norm = 1 - f.b + (f.b * toks.length) / (avgLen.get(f.name) ?? 1);
        const counts = new Map<string, number>();
        for (const t of toks) counts.set(t, (counts.get(t) ?? 0) + 1);
        for (const [t, c] of counts) tf.set(t, (tf.get(t) ?? 0) + (f.weight * c) / norm);
      }
      for (const [t, v] of tf) {
        const list = this.postings.get(t) ?? [];
        list.push([i, v]);
        this.postings.set(t, list);
      }
    });
    for (const [t, list] of this.postings) {
      const df = list.length;
      this.idf.set(t, Math.log(1 + (this.size - df + 0.5) / (df + 0.5)));
    }
  }

  /** Inverse document frequency of a term; unknown terms get the IDF of a term seen once. */
  idfOf(term: string): number {
    return this.idf.get(term) ?? Math.log(1 + (this.size - 0.5) / 1.5);
  }

  /** True when some document contains the term. */
  has(term: string): boolean {
    return this.postings.has(term);
  }

  /**
   * Adds each document's score for the weighted query terms into `scores` (indexed by document).
   * `matched`, when given, receives per document the summed query weight × IDF of the terms it
   * contains, which the caller uses to measure how much of the query a document covers.
   */
  score(query: Map<string, number>, scores: Float64Array, matched?: Float64Array): void {
    const k1 = this.k1;
    for (const [term, qw] of query) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf.get(term) ?? 0;
      for (const [doc, tf] of list) {
        scores[doc] = (scores[doc] ?? 0) + (qw * idf * tf * (k1 + 1)) / (tf + k1);
        if (matched) matched[doc] = (matched[doc] ?? 0) + qw * idf;
      }
    }
  }
}
