/**
 * Each test file gets its own database: a fresh in-memory PGlite, or a freshly created database
 * on the real PostgreSQL server (TEST_DATABASE=postgres), dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../db/database.js';
import { createPgliteDatabase } from '../../db/pgliteDatabase.js';
import { createPostgresDatabase } from '../../db/postgresDatabase.js';
import { migrate, readMigrations } from '../../db/migrate.js';
import { projectRoot } from '../../bot/paths.js';
import { join } from 'node:path';

export const ADMIN_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function testEngine(): 'pglite' | 'postgres' {
  return process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';
}

export interface TestDatabase {
  db: Database;
  /** Connection string of the database (postgres only), for opening a second connection. */
  url?: string;
  /** Opens another independent connection to the same database (a second "process"). */
  openAnother(): Promise<Database>;
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `The real-PostgreSQL test suite needs a server at ${ADMIN_URL} (set TEST_ADMIN_DATABASE_URL), ` +
        `but it cannot be reached: ${(err as Error).message}. Start it with ` +
        `'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start'.`,
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates a fresh, empty database of the engine under test. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testEngine() === 'pglite') {
    const db = await createPgliteDatabase();
    return {
      db,
      // PGlite is one process's database; a second handle on it is the same instance.
      openAnother: async () => db,
      drop: () => db.close(),
    };
  }
  const name = `anbang_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const db = createPostgresDatabase(url, 5);
  const others: Database[] = [];
  return {
    db,
    url,
    async openAnother() {
      const other = createPostgresDatabase(url, 5);
      others.push(other);
      return other;
    },
    async drop() {
      await Promise.all([db.close(), ...others.map((o) => o.close())]);
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** A fresh database with the project's migrations applied. */
export async function createMigratedTestDatabase(): Promise<TestDatabase> {
  const t = await createTestDatabase();
  await migrate(t.db, readMigrations(join(projectRoot(), 'db', 'migrations')));
  return t;
}
