/**
 * botbuilder `Storage` on PostgreSQL (jsonb), used for conversation and user state.
 *
 * Optimistic concurrency as botbuilder defines it (see MemoryStorage): a write whose eTag is
 * missing or `*` overwrites; a write with an eTag succeeds only if the stored item still has that
 * eTag (or does not exist yet); otherwise it fails and nothing of that batch is written.
 */
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { Database, Queryable } from './database.js';
import { ReadBatcher, WriteBatcher } from './stateBatches.js';

/** A write lost the optimistic-concurrency race: someone else changed the item first. */
export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

export class PostgresStorage implements Storage {
  private readonly reads: ReadBatcher;
  private readonly writes: WriteBatcher;

  constructor(private readonly db: Database) {
    this.reads = new ReadBatcher(db);
    this.writes = new WriteBatcher(db);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const { rows, shared } = await this.reads.read(keys);
    const items: StoreItems = {};
    for (const key of keys) {
      const row = rows.get(key);
      if (!row) continue;
      // BotState mutates what it reads: a key asked for by two callers in one batch gets a copy each.
      items[key] = { ...(shared(key) ? structuredClone(row.document) : row.document), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    // One item (what BotState writes) joins this tick's combined write; several items written
    // together must succeed or fail together, so they get a transaction of their own.
    if (entries.length === 1) {
      const [key, item] = entries[0] as [string, Partial<StoreItem>];
      const { eTag, ...document } = (item ?? {}) as Record<string, unknown> & { eTag?: string };
      const expected = !eTag || eTag === '*' ? null : eTag;
      const ok = await this.writes.write(key, { document: JSON.stringify(document), etag: randomUUID(), expected });
      if (!ok) throw new ETagConflictError(key);
      return;
    }
    await this.db.transaction((tx) => this.writeItems(tx, entries));
  }

  private async writeItems(tx: Queryable, entries: Array<[string, Partial<StoreItem>]>): Promise<void> {
    {
      for (const [key, item] of entries) {
        const { eTag, ...document } = (item ?? {}) as Record<string, unknown> & { eTag?: string };
        const etag = randomUUID();
        if (!eTag || eTag === '*') {
          await tx.query(
            `INSERT INTO bot_state (key, document, etag) VALUES ($1, $2, $3)
             ON CONFLICT (key) DO UPDATE SET document = EXCLUDED.document, etag = EXCLUDED.etag, updated_at = now()`,
            [key, JSON.stringify(document), etag],
          );
          continue;
        }
        const result = await tx.query(
          `INSERT INTO bot_state (key, document, etag) VALUES ($1, $2, $3)
           ON CONFLICT (key) DO UPDATE SET document = EXCLUDED.document, etag = EXCLUDED.etag, updated_at = now()
           WHERE bot_state.etag = $4`,
          [key, JSON.stringify(document), etag, eTag],
        );
        if (result.rowCount === 0) throw new ETagConflictError(key);
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [keys]);
  }
}
