/**
 * The one interface the rest of the service uses to reach PostgreSQL, whichever engine is behind
 * it: a real server through `pg`, or the embedded PGlite. Queries are plain SQL with `$n` params.
 */
export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

/** Something that runs SQL: the database itself, or a transaction in progress. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  /** Runs a script of several statements without parameters (migrations). */
  execScript(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  /** Which engine this is, for health reports and logs. */
  readonly kind: 'postgres' | 'pglite';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes the pool or the embedded database; waits for queries under way. */
  close(): Promise<void>;
}

/** A query failed; carries the SQL's first line (never its parameters, which may be personal data). */
export class DatabaseError extends Error {
  constructor(
    readonly sqlHead: string,
    override readonly cause: unknown,
  ) {
    super(`database query failed (${sqlHead}): ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'DatabaseError';
  }
}

export function sqlHead(sql: string): string {
  return sql.trim().split('\n')[0]?.slice(0, 80) ?? '';
}
