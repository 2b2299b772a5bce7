/**
 * Errors of the storage layer, free of HTTP: src/lib/errors.ts (databaseUnavailable) turns
 * them into the 503 a request gets, with its Retry-After (docs/architecture.md, "Errors").
 */

/**
 * The database could not take the work: `busy` — another process held the write lock past
 * the write deadline; `storage` — the disk is full or failing.
 */
export class DatabaseUnavailableError extends Error {
  constructor(readonly reason: 'busy' | 'storage') {
    super(
      reason === 'busy' ? 'The database is busy. Try again shortly.' : 'Storage is full or failing. Try again later.',
    );
    this.name = 'DatabaseUnavailableError';
  }
}
