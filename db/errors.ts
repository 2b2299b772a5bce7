/**
 * Errors of the storage layer, free of HTTP: src/lib/errors.ts (databaseUnavailable) turns
 * them into the 503 a request gets, with its Retry-After (docs/architecture.md, "Errors").
 * Also how a driver's error is told apart (busy, disk full) and waited out.
 */
import { LibsqlError } from '@libsql/client';
import { isServerUnavailable } from './server-link';

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

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The codes and messages of an error and its causes (drizzle wraps the driver's error). */
function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof LibsqlError) parts.push(e.code, e.extendedCode ?? '');
    parts.push(e.message);
  }
  return parts.join(' ');
}

export function isBusyError(error: unknown): boolean {
  // SERVER_UNAVAILABLE: a libSQL server past its deadline or shedding load (db/server-link.ts).
  return /SQLITE_BUSY|SQLITE_LOCKED|database is locked|database is busy|SERVER_UNAVAILABLE/i.test(describeError(error));
}

export function isDiskFullError(error: unknown): boolean {
  return /SQLITE_FULL|database or disk is full|SQLITE_IOERR/i.test(describeError(error));
}

/** The wait before retry `attempt` (0, 1, …) of a write refused as busy: 5 ms doubling to 250 ms, jittered. */
export const backoff = (attempt: number) => Math.min(250, 5 * 2 ** attempt) * (0.5 + Math.random());

/**
 * Retries `op` while another process holds the lock, up to `deadline` ms from `started`, then
 * throws 503. `waitForServer`: also while a libSQL server does not answer (at startup).
 */
export async function withBusyRetry<T>(
  op: () => Promise<T>,
  deadline: number,
  { started = Date.now(), waitForServer = true } = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (error) {
      if (!isBusyError(error) || (!waitForServer && isServerUnavailable(error))) throw error;
      if (Date.now() - started > deadline) throw new DatabaseUnavailableError('busy');
      await sleep(backoff(attempt));
    }
  }
}

/** Storage failures a client can do nothing about become DatabaseUnavailableError (a 503), with a clear log line. */
export function mapStorageError(error: unknown): unknown {
  if (isBusyError(error)) return new DatabaseUnavailableError('busy');
  if (isDiskFullError(error)) {
    console.error(`[db] write failed, storage unavailable: ${error instanceof Error ? error.message : String(error)}`);
    return new DatabaseUnavailableError('storage');
  }
  return error;
}
