import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { migrate, readMigrations, type Migration } from '../../db/migrate.js';
import { projectRoot } from '../../bot/paths.js';
import { createTestDatabase, testEngine, type TestDatabase } from '../support/testDatabase.js';

const migrations = readMigrations(join(projectRoot(), 'db', 'migrations'));

describe(`migrations (${testEngine()})`, () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    await t.drop();
  });

  it('applies every migration once and records it', async () => {
    expect(await migrate(t.db, migrations)).toEqual(migrations.map((m) => m.id));
    expect(await migrate(t.db, migrations)).toEqual([]);
    const recorded = await t.db.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(recorded.rows.map((r) => Number(r.id))).toEqual(migrations.map((m) => m.id));
    const table = await t.db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'bot_state'");
    expect(table.rowCount).toBe(1);
  });

  it('lets two starters race without applying anything twice', async () => {
    const other = await t.openAnother();
    const slow: Migration[] = [
      ...migrations,
      { id: migrations.length + 1, name: 'race', sql: 'SELECT pg_sleep(0.2); CREATE TABLE race_marker (id int);' },
    ];
    const [a, b] = await Promise.all([migrate(t.db, slow), migrate(other, slow)]);
    expect([...a, ...b].sort()).toEqual(slow.map((m) => m.id).sort());
    const count = await t.db.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations');
    expect(Number(count.rows[0]?.n)).toBe(slow.length);
  });

  it('rolls back all pending migrations when one fails', async () => {
    const broken: Migration[] = [...migrations, { id: migrations.length + 1, name: 'broken', sql: 'CREATE TABL oops (id int);' }];
    await expect(migrate(t.db, broken)).rejects.toThrow(/database query failed/);
    const table = await t.db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'schema_migrations'");
    expect(table.rowCount).toBe(0);
    expect(await migrate(t.db, migrations)).toEqual(migrations.map((m) => m.id));
  });

  it('rejects badly named or numbered migration files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'anbang-migrations-'));
    writeFileSync(join(dir, '001_first.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '003_gap.sql'), 'SELECT 1;');
    expect(() => readMigrations(dir)).toThrow(/without gaps/);
    writeFileSync(join(dir, 'second.sql'), 'SELECT 1;');
    expect(() => readMigrations(dir)).toThrow(/001_name\.sql/);
  });
});
