/**
 * The link to a libSQL server (sqld, Turso): a deadline on every request, a bound on how
 * many may be outstanding, and a reconnect with backoff when the server stops answering.
 * `@libsql/client` has no timeout of its own: over HTTP a stalled server leaves a fetch
 * waiting for minutes, over WebSocket forever.
 *
 * - Every call (statement, batch, transaction statement, commit) fails with
 *   `ServerUnavailableError` once `timeoutMs` has passed; over HTTP the fetch itself is
 *   aborted too, so no socket outlives it.
 * - A transaction whose statement timed out or lost its connection is abandoned: it is
 *   closed (over WebSocket the server drops the stream and rolls it back) and every later
 *   statement on it fails at once, so the write queue moves on.
 * - After a timeout or a connection error, one probe (`SELECT 1`, same deadline) decides:
 *   answered, and nothing changes; not answered, and the link is down — the client is
 *   closed (over WebSocket: the connection is dropped), calls fail at once, and a fresh
 *   client is probed with backoff (100 ms doubling to 2 s) until the server answers again.
 *   Calls that arrive while a probe runs wait for its verdict, within their deadline.
 * - More than `maxPending` calls outstanding at once: the next one fails at once (load shed).
 */
import {
  createClient,
  LibsqlError,
  type Client,
  type Config,
  type Transaction,
  type TransactionMode,
} from '@libsql/client';

class ServerUnavailableError extends LibsqlError {
  constructor(message: string, cause?: unknown) {
    super(message, 'SERVER_UNAVAILABLE', undefined, undefined, cause instanceof Error ? cause : undefined);
    this.name = 'ServerUnavailableError';
  }
}

export const isServerUnavailable = (error: unknown): boolean => {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++)
    if (e instanceof ServerUnavailableError) return true;
  return false;
};

export interface ServerLinkOptions {
  config: Pick<Config, 'url' | 'authToken'>;
  /** The deadline of one request to the server, in ms. */
  timeoutMs: number;
  /** Calls that may be outstanding (in flight or waiting) at once; beyond it, fail at once. */
  maxPending: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const backoff = (attempt: number) => Math.min(2000, 100 * 2 ** attempt) * (0.5 + Math.random() / 2);

/** Errors that say nothing about the SQL: the server or the way to it failed. */
function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  if (error instanceof LibsqlError) {
    return /^(HRANA_WEBSOCKET_ERROR|HRANA_CLOSED_ERROR|SERVER_ERROR|UNKNOWN|CLIENT_CLOSED|STREAM_EXPIRED)$/.test(
      error.code,
    );
  }
  // fetch failed (ECONNREFUSED, ECONNRESET, …), a socket error.
  if (error instanceof TypeError && error.message === 'fetch failed') return true;
  return 'code' in error && typeof error.code === 'string' && /^E[A-Z]+$/.test(error.code);
}

type State = 'up' | 'probing' | 'down';

export function openServerLink(options: ServerLinkOptions): Client {
  const { timeoutMs, maxPending } = options;
  const fetchWithDeadline = (request: Request) => fetch(request, { signal: AbortSignal.timeout(timeoutMs) });
  const open = () => createClient({ ...options.config, fetch: fetchWithDeadline });

  let client = open();
  /** Bumped each time the client is replaced: errors from an older one are expected, not news. */
  let generation = 0;
  let state: State = 'up';
  let probing = false;
  /** Resolves when the running probe has decided between up and down. */
  let decided: Promise<void> = Promise.resolve();
  let settle = () => {};
  const decide = (next: 'up' | 'down') => {
    state = next;
    settle();
  };
  let outstanding = 0;
  let closed = false;

  const notAnswering = (cause?: unknown) =>
    new ServerUnavailableError('The database server did not answer in time.', cause);

  /** Races `promise` against the time left; `onLate` gets a value that arrives after it. */
  function withDeadline<T>(promise: Promise<T>, ms: number, onLate?: (value: T) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let late = false;
      const timer = setTimeout(() => {
        late = true;
        reject(notAnswering());
      }, ms);
      promise.then(
        (value) => {
          clearTimeout(timer);
          if (late) onLate?.(value);
          else resolve(value);
        },
        (error) => {
          clearTimeout(timer);
          if (!late) reject(error);
        },
      );
    });
  }

  /** Undefined when the server answered; otherwise why not. */
  async function probeOnce(candidate: Client): Promise<string | undefined> {
    try {
      await withDeadline(candidate.execute('SELECT 1'), timeoutMs);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  async function probe(): Promise<void> {
    const why = await probeOnce(client);
    if (why === undefined) return decide('up');
    decide('down');
    const since = Date.now();
    console.error(`[db] the database server does not answer (${why}); requests get 503, reconnecting with backoff`);
    for (let attempt = 0; !closed; attempt++) {
      // Drop the connection: over WebSocket the server rolls back what was open on it, and
      // every request still waiting on it fails now rather than at its deadline.
      client.close();
      generation++;
      let answered = false;
      try {
        client = open();
        answered = (await probeOnce(client)) === undefined;
      } catch {
        // Could not even open a client: try again after the backoff, like any failed probe.
      }
      if (answered) {
        decide('up');
        console.error(`[db] the database server answers again after ${Date.now() - since} ms`);
        return;
      }
      await sleep(backoff(attempt));
    }
  }

  function suspect(fromGeneration: number): void {
    if (fromGeneration !== generation || probing || closed) return;
    probing = true;
    state = 'probing';
    decided = new Promise<void>((resolve) => {
      settle = resolve;
    });
    void probe().finally(() => {
      probing = false;
    });
  }

  /**
   * Runs `op` on the current client within the deadline, or fails with ServerUnavailableError.
   * `origin`: the generation of the client `op` really uses (a transaction's, which may be older).
   */
  async function call<T>(op: (c: Client) => Promise<T>, onLate?: (value: T) => void, origin?: number): Promise<T> {
    if (closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED');
    if (outstanding >= maxPending)
      throw new ServerUnavailableError(`More than ${maxPending} database requests are waiting.`);
    outstanding++;
    const deadline = Date.now() + timeoutMs;
    try {
      if (state === 'probing') await withDeadline(decided, timeoutMs);
      if (state !== 'up') throw notAnswering();
      const gen = origin ?? generation;
      try {
        return await withDeadline(op(client), Math.max(1, deadline - Date.now()), onLate);
      } catch (error) {
        if (error instanceof ServerUnavailableError || isConnectionError(error)) {
          suspect(gen);
          throw error instanceof ServerUnavailableError ? error : notAnswering(error);
        }
        throw error;
      }
    } finally {
      outstanding--;
    }
  }

  /** A transaction whose every statement has the deadline; abandoned after a timeout. */
  function guardTransaction(tx: Transaction, origin: number): Transaction {
    let abandoned: Error | undefined;
    const step = async <T>(op: () => Promise<T>): Promise<T> => {
      if (abandoned) throw notAnswering(abandoned);
      try {
        return await call(op, undefined, origin);
      } catch (error) {
        if (isServerUnavailable(error)) {
          abandoned = error as Error;
          tx.close();
        }
        throw error;
      }
    };
    return {
      execute: (stmt) => step(() => tx.execute(stmt)),
      batch: (stmts) => step(() => tx.batch(stmts)),
      executeMultiple: (sql) => step(() => tx.executeMultiple(sql)),
      rollback: () => step(() => tx.rollback()),
      commit: () => step(() => tx.commit()),
      close: () => tx.close(),
      get closed() {
        return tx.closed;
      },
    };
  }

  return {
    get closed() {
      return closed;
    },
    get protocol() {
      return client.protocol;
    },
    execute: ((stmt: Parameters<Client['execute']>[0], args?: Parameters<Client['execute']>[1]) =>
      call((c) => (typeof stmt === 'string' ? c.execute(stmt, args) : c.execute(stmt)))) as Client['execute'],
    batch: (stmts, mode) => call((c) => c.batch(stmts, mode)),
    migrate: (stmts) => call((c) => c.migrate(stmts)),
    executeMultiple: (sql) => call((c) => c.executeMultiple(sql)),
    // A transaction that opens after its caller gave up is closed, not leaked.
    transaction: async (mode?: TransactionMode) => {
      let origin = generation;
      const tx = await call(
        (c) => {
          origin = generation;
          return c.transaction(mode);
        },
        (late) => late.close(),
      );
      return guardTransaction(tx, origin);
    },
    sync: () => client.sync(),
    reconnect: () => client.reconnect(),
    close() {
      closed = true;
      client.close();
    },
  };
}
