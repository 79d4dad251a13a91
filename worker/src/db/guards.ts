/**
 * Guards of a write batch: each states a condition the request read and relied on. D1 runs a batch
 * as one transaction, and the `write_guards` trigger aborts it when a condition no longer holds (a
 * concurrent request wrote first), so a check and its write cannot be separated by another write.
 */
/** A statement that aborts its batch unless `condition` (SQL, with `?n` bound to `params`) still holds. */
export function guard(db: D1Database, what: string, condition: string, ...params: unknown[]): D1PreparedStatement {
  return db.prepare(`INSERT INTO write_guards (what, ok) SELECT ?1, (${condition})`).bind(what, ...params);
}

/** Is this error a guard of the batch that no longer held (a concurrent write came first)? */
export function isWriteConflict(e: unknown): boolean {
  return /write_conflict/.test(String((e as Error)?.message ?? e));
}


/**
 * Was this write refused because its caller was signed out between the request's sign-in and its
 * write (migration 0016)? The refusal is the one the sign-in would now give.
 */
export function signedOutRefusal(e: unknown): 'token_revoked' | 'session_ended' | null {
  const match = /signed_out: (token_revoked|session_ended)/.exec(String((e as Error)?.message ?? e));
  return match ? (match[1] as 'token_revoked' | 'session_ended') : null;
}
