import { mkdirSync } from 'node:fs';
import { resolve, join } from 'node:path';
import type { Database } from './database.js';
import { createPostgresDatabase } from './postgresDatabase.js';
import { createPgliteDatabase } from './pgliteDatabase.js';

/** Opens the configured database: a server when `databaseUrl` is set, else PGlite under `dataDir`. */
export async function openDatabase(opts: {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
}): Promise<Database> {
  if (opts.databaseUrl) return createPostgresDatabase(opts.databaseUrl, opts.poolSize);
  const dir = resolve(opts.dataDir);
  mkdirSync(dir, { recursive: true });
  return createPgliteDatabase(join(dir, 'pglite'));
}
