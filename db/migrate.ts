/**
 * Applies the numbered plain-SQL migrations in db/migrations (001_name.sql, 002_…) in order.
 * All pending migrations run in one transaction under an advisory lock, so two processes that
 * start at once cannot both apply one: the second waits, then finds nothing left to do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './database.js';

// Any constant works; it only has to be the same in every process of this service.
const MIGRATION_LOCK_KEY = 7_246_310_551;

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** Reads the migrations folder; file names must look like `001_create_things.sql`. */
export function readMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((file) => {
      const match = /^(\d+)_([\w-]+)\.sql$/.exec(file);
      if (!match) throw new Error(`migration file name not of the form 001_name.sql: ${file}`);
      return { id: Number(match[1]), name: match[2] ?? '', sql: readFileSync(join(dir, file), 'utf8') };
    })
    .sort((a, b) => a.id - b.id);
  migrations.forEach((m, i) => {
    if (m.id !== i + 1) throw new Error(`migrations must be numbered 1, 2, 3 … without gaps; found ${m.id} at ${i + 1}`);
  });
  return migrations;
}

/** Applies what is pending; returns the ids applied by this call. */
export async function migrate(db: Database, migrations: Migration[]): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = await tx.query<{ id: number }>('SELECT id FROM schema_migrations');
    const applied = new Set(done.rows.map((r) => Number(r.id)));
    const ran: number[] = [];
    for (const m of migrations) {
      if (applied.has(m.id)) continue;
      await tx.execScript(m.sql);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
      ran.push(m.id);
    }
    return ran;
  });
}
