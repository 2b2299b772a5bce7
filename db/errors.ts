/**
 * Errors of the storage layer, free of HTTP: src/lib/errors.ts (databaseUnavailable) turns
 * them into the 503 a request gets, with its Retry-After (docs/architecture.md, "Errors").
 */

/**
 * The database could not take the work: `busy` — another process held the write lock past
 * the write deadline, or the server did not answer in time; `storage` — the disk is full or
 * failing; `overloaded` — too many writes already wait for a server (shed, not queued).
 */
export class DatabaseUnavailableError extends Error {
  constructor(
    readonly reason: 'busy' | 'storage' | 'overloaded',
    message?: string,
  ) {
    super(
      message ??
        (reason === 'storage'
          ? 'Storage is full or failing. Try again later.'
          : 'The database is busy. Try again shortly.'),
    );
    this.name = 'DatabaseUnavailableError';
  }
}
