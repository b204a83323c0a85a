/**
 * Coalescing of bot-state reads and writes. Under load many turns read and write their state at
 * the same moment; instead of one round trip each, the reads (and the single-item writes) asked
 * for in the same turn of the event loop go to PostgreSQL as one statement.
 */
import type { Queryable } from './database.js';

export interface StoredRow {
  document: Record<string, unknown>;
  etag: string;
}

/** Collects keys for one tick, then reads them with one query. */
export class ReadBatcher {
  private current: { keys: Map<string, number>; rows: Promise<Map<string, StoredRow>> } | undefined;

  constructor(private readonly db: Queryable) {}

  /** The stored rows of `keys`; `shared(key)` tells whether another caller read the same key too. */
  async read(keys: string[]): Promise<{ rows: Map<string, StoredRow>; shared: (key: string) => boolean }> {
    const batch = this.current ?? this.start();
    for (const k of keys) batch.keys.set(k, (batch.keys.get(k) ?? 0) + 1);
    const rows = await batch.rows;
    return { rows, shared: (key) => (batch.keys.get(key) ?? 0) > 1 };
  }

  private start() {
    const keys = new Map<string, number>();
    const rows = new Promise<Map<string, StoredRow>>((resolve, reject) => {
      setImmediate(() => {
        this.current = undefined;
        this.db
          .query<{ key: string } & StoredRow>('SELECT key, document, etag FROM bot_state WHERE key = ANY($1::text[])', [
            [...keys.keys()],
          ])
          .then((result) => resolve(new Map(result.rows.map((r) => [r.key, r]))), reject);
      });
    });
    this.current = { keys, rows };
    return this.current;
  }
}

interface PendingWrite {
  document: string;
  etag: string;
  /** The eTag the stored item must still have; null to overwrite. */
  expected: string | null;
}

/** Collects single-item writes for one tick, then writes them with one statement. */
export class WriteBatcher {
  private current: { writes: Map<string, PendingWrite>; written: Promise<Set<string>> } | undefined;

  constructor(private readonly db: Queryable) {}

  /** Resolves true when written, false when the stored item's eTag no longer matched. */
  async write(key: string, write: PendingWrite): Promise<boolean> {
    // One statement cannot change a row twice: a second write of the same key waits its turn.
    while (this.current?.writes.has(key)) await this.current.written.catch(() => undefined);
    const batch = this.current ?? this.start();
    batch.writes.set(key, write);
    return (await batch.written).has(key);
  }

  private start() {
    const writes = new Map<string, PendingWrite>();
    const written = new Promise<Set<string>>((resolve, reject) => {
      setImmediate(() => {
        this.current = undefined;
        const entries = [...writes];
        this.db
          .query<{ key: string }>(
            `WITH input AS (
               SELECT * FROM unnest($1::text[], $2::jsonb[], $3::text[], $4::text[]) AS t(key, document, etag, expected)
             )
             INSERT INTO bot_state (key, document, etag)
             SELECT key, document, etag FROM input
             ON CONFLICT (key) DO UPDATE SET document = EXCLUDED.document, etag = EXCLUDED.etag, updated_at = now()
             WHERE bot_state.etag = coalesce((SELECT i.expected FROM input i WHERE i.key = EXCLUDED.key), bot_state.etag)
             RETURNING key`,
            [
              entries.map(([k]) => k),
              entries.map(([, w]) => w.document),
              entries.map(([, w]) => w.etag),
              entries.map(([, w]) => w.expected),
            ],
          )
          .then((result) => resolve(new Set(result.rows.map((r) => r.key))), reject);
      });
    });
    this.current = { writes, written };
    return this.current;
  }
}
