import type { Client, InArgs, InStatement, ResultSet } from '@libsql/client';

/**
 * Reads of one kind by key, gathered into one round trip to a libSQL server: a server
 * answers many small requests at once barely faster than one (sqld here: about 270
 * `SELECT 1`/s at 50 in flight against 145/s one at a time), so the keys asked for while
 * one lookup runs go together in the next. At most `maxKeys` per lookup.
 */
export function coalescing<K, V>(
  load: (keys: K[]) => Promise<Map<K, V>>,
  maxKeys = 256,
): (key: K) => Promise<V | undefined> {
  let waiting: { key: K; resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[] = [];
  let running = false;

  async function flush(): Promise<void> {
    running = true;
    try {
      while (waiting.length > 0) {
        const group = waiting.slice(0, maxKeys);
        waiting = waiting.slice(maxKeys);
        try {
          const found = await load([...new Set(group.map((w) => w.key))]);
          for (const w of group) w.resolve(found.get(w.key));
        } catch (error) {
          for (const w of group) w.reject(error);
        }
      }
    } finally {
      running = false;
    }
  }

  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      waiting.push({ key, resolve, reject });
      if (!running) {
        running = true;
        setImmediate(() => void flush());
      }
    });
}

/**
 * A server client whose `execute` calls made in the same event-loop turn go as one read
 * batch (one round trip; the server runs them in order in one read transaction). A page's
 * parallel queries (`Promise.all`) cost one round trip instead of one each. A batch that
 * fails runs its statements again one by one, so each caller gets its own answer or error.
 */
export function gatheringReads(client: Client): Client {
  let turn: { statement: InStatement; resolve: (r: ResultSet) => void; reject: (e: unknown) => void }[] = [];

  async function send(group: typeof turn): Promise<void> {
    if (group.length > 1) {
      try {
        const results = await client.batch(
          group.map((g) => g.statement),
          'read',
        );
        group.forEach((g, i) => g.resolve(results[i]!));
        return;
      } catch {
        // One of them failed (or the server did): each on its own, for its own answer.
      }
    }
    await Promise.all(group.map((g) => client.execute(g.statement).then(g.resolve, g.reject)));
  }

  const execute = (statement: InStatement | string, args?: InArgs): Promise<ResultSet> =>
    new Promise<ResultSet>((resolve, reject) => {
      const stmt: InStatement =
        typeof statement === 'string' ? (args === undefined ? statement : { sql: statement, args }) : statement;
      turn.push({ statement: stmt, resolve, reject });
      if (turn.length === 1)
        setImmediate(() => {
          const group = turn;
          turn = [];
          void send(group);
        });
    });

  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'execute') return execute;
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
