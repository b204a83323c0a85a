import { PGlite } from '@electric-sql/pglite';
import { DatabaseError, sqlHead, type Database, type Queryable, type QueryResult } from './database.js';

/**
 * A {@link Database} on embedded PostgreSQL (PGlite). `dataDir` persists it on disk; omit it for
 * an in-memory database (tests). PGlite runs one query at a time, so no pool is needed.
 */
export async function createPgliteDatabase(dataDir?: string): Promise<Database> {
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();

  const run = async <Row>(
    target: Pick<PGlite, 'query'>,
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<Row>> => {
    try {
      const result = await target.query<Row>(sql, params as unknown[] | undefined);
      // PGlite reports affectedRows 0 for a SELECT; pg's rowCount counts the rows returned.
      return { rows: result.rows, rowCount: result.rows.length > 0 ? result.rows.length : (result.affectedRows ?? 0) };
    } catch (err) {
      throw new DatabaseError(sqlHead(sql), err);
    }
  };

  const script = async (target: Pick<PGlite, 'exec'>, sql: string): Promise<void> => {
    try {
      await target.exec(sql);
    } catch (err) {
      throw new DatabaseError(sqlHead(sql), err);
    }
  };

  let closed: Promise<void> | undefined;
  return {
    kind: 'pglite',
    query: (sql, params) => run(db, sql, params),
    execScript: (sql) => script(db, sql),
    transaction: (work) =>
      db.transaction(async (t) => {
        const tx: Queryable = { query: (sql, params) => run(t, sql, params), execScript: (sql) => script(t, sql) };
        return work(tx);
      }),
    close() {
      closed ??= db.closed ? Promise.resolve() : db.close();
      return closed;
    },
  };
}
