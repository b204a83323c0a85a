import pg from 'pg';
import { DatabaseError, sqlHead, type Database, type Queryable, type QueryResult } from './database.js';

/** A {@link Database} on a real PostgreSQL server through a `pg` connection pool. */
export function createPostgresDatabase(connectionString: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);

  const run = async <Row>(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) => {
    try {
      const result = await client.query(sql, params as unknown[] | undefined);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 } satisfies QueryResult<Row>;
    } catch (err) {
      throw new DatabaseError(sqlHead(sql), err);
    }
  };

  let closed: Promise<void> | undefined;
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    execScript: async (sql) => void (await run(pool, sql)),
    async transaction(work) {
      const client = await pool.connect();
      const tx: Queryable = {
        query: (sql, params) => run(client, sql, params),
        execScript: async (sql) => void (await run(client, sql)),
      };
      try {
        await client.query('BEGIN');
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close() {
      closed ??= pool.end();
      return closed;
    },
  };
}
