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

/** A write lost the optimistic-concurrency race: someone else changed the item first. */
export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

interface ReadBatch {
  keys: Set<string>;
  rows: Promise<Map<string, { document: Record<string, unknown>; etag: string }>>;
}

export class PostgresStorage implements Storage {
  private batch: ReadBatch | undefined;

  constructor(private readonly db: Database) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const batch = this.batch ?? this.startBatch();
    keys.forEach((k) => batch.keys.add(k));
    const rows = await batch.rows;
    const items: StoreItems = {};
    for (const key of keys) {
      const row = rows.get(key);
      // A fresh copy per caller: BotState mutates what it reads.
      if (row) items[key] = { ...structuredClone(row.document), eTag: row.etag };
    }
    return items;
  }

  private startBatch(): ReadBatch {
    const keys = new Set<string>();
    const rows = new Promise<Map<string, { document: Record<string, unknown>; etag: string }>>((resolve, reject) => {
      setImmediate(() => {
        this.batch = undefined;
        this.db
          .query<{ key: string; document: Record<string, unknown>; etag: string }>(
            'SELECT key, document, etag FROM bot_state WHERE key = ANY($1::text[])',
            [[...keys]],
          )
          .then((result) => resolve(new Map(result.rows.map((r) => [r.key, r]))), reject);
      });
    });
    this.batch = { keys, rows };
    return this.batch;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    // One item is one statement, atomic on its own; only a batch needs a transaction.
    if (entries.length === 1) return this.writeItems(this.db, entries);
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
