/**
 * D1's rows read and written by one request, which Cloudflare bills: a database that sums the
 * `meta.rows_read` / `meta.rows_written` of every statement and batch run through it into a tally
 * made for that request alone. Reading a row through `first()` or `raw()` returns no meta, so they
 * run as `all()` and pick from its rows; what they answer is the same.
 */

/** One statement as run: its SQL (whitespace folded) and its rows. */
export interface StatementCost {
  sql: string;
  read: number;
  written: number;
}

/** What one request cost D1, statement by statement. */
export interface D1Tally {
  read: number;
  written: number;
  statements: StatementCost[];
}

export function newTally(): D1Tally {
  return { read: 0, written: 0, statements: [] };
}

const folded = (sql: string) => sql.replace(/\s+/g, ' ').trim();

function record(tally: D1Tally, sql: string, result: D1Result<unknown>): void {
  const read = result.meta?.rows_read ?? 0;
  const written = result.meta?.rows_written ?? 0;
  tally.read += read;
  tally.written += written;
  tally.statements.push({ sql, read, written });
}

class MeteredStatement {
  constructor(
    readonly inner: D1PreparedStatement,
    readonly sql: string,
    private readonly tally: D1Tally,
  ) {}

  bind(...values: unknown[]): MeteredStatement {
    return new MeteredStatement(this.inner.bind(...values), this.sql, this.tally);
  }

  async all<T>(): Promise<D1Result<T>> {
    const result = await this.inner.all<T>();
    record(this.tally, this.sql, result);
    return result;
  }

  async run<T>(): Promise<D1Result<T>> {
    const result = await this.inner.run<T>();
    record(this.tally, this.sql, result);
    return result;
  }

  async first<T>(column?: string): Promise<T | null> {
    const row = (await this.all<Record<string, unknown>>()).results[0];
    if (row === undefined) return null;
    if (column === undefined) return row as T;
    if (!(column in row)) throw new Error(`D1_COLUMN_NOTFOUND: Column not found (${column})`);
    return row[column] as T;
  }

  async raw<T>(options?: { columnNames?: boolean }): Promise<unknown[]> {
    const { results } = await this.all<Record<string, unknown>>();
    const rows = results.map((row) => Object.values(row) as T);
    return options?.columnNames ? [Object.keys(results[0] ?? {}), ...rows] : rows;
  }
}

/** `db` as seen by one request, counting into `tally`. */
export function meteredDatabase(db: D1Database, tally: D1Tally): D1Database {
  const metered = {
    prepare: (sql: string) => new MeteredStatement(db.prepare(sql), folded(sql), tally),
    batch: async <T>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> => {
      const own = statements as unknown as MeteredStatement[];
      const results = await db.batch<T>(own.map((s) => s.inner));
      results.forEach((result, i) => record(tally, own[i]!.sql, result));
      return results;
    },
    exec: (query: string) => db.exec(query),
    withSession: () => {
      throw new Error('the metered database has no sessions');
    },
    dump: () => db.dump(),
  };
  return metered as unknown as D1Database;
}
