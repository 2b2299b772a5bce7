/** Looking at a database file from the test process (WAL: safe next to a running server), and the app in-process on a given file. */
import { createClient, type Client } from '@libsql/client';
import { loadConfig } from '../../../src/config';
import { createDb } from '../../../db/client';
import { migrate } from '../../../db/migrate';
import { createApp } from '../../../src/app';
import type { Clock } from '../../../src/lib/clock';
import { createClock } from '../../../src/lib/clock';
import type { AppDeps } from '../../../src/context';

/** One plain connection (reads, PRAGMAs); the busy timeout only matters while another process writes. */
export function openRaw(path: string): Client {
  return createClient({ url: `file:${path}`, concurrency: 1, timeout: 2000 });
}

export async function scalar(client: Client, sql: string, args: (string | number)[] = []): Promise<number> {
  const result = await client.execute({ sql, args });
  return Number(Object.values(result.rows[0] ?? {})[0] ?? 0);
}

/** `PRAGMA integrity_check` on its own fresh connection: 'ok', or the problems it lists. */
export async function integrityCheck(path: string): Promise<string> {
  const client = openRaw(path);
  try {
    const result = await client.execute('PRAGMA integrity_check');
    const fk = await client.execute('PRAGMA foreign_key_check');
    const lines = result.rows.map((r) => String(Object.values(r)[0]));
    if (fk.rows.length > 0) lines.push(`foreign_key_check: ${fk.rows.length} violation(s)`);
    return lines.join('\n');
  } finally {
    client.close();
  }
}

/**
 * The CPI running totals agree with the rows they count: for every rep and interaction
 * type, the latest cumulative row holds as many submitted responses and live invitations as exist
 * (a doubled or half-applied write would show here). Returns the disagreements.
 */
export async function rollupMismatches(client: Client): Promise<string[]> {
  const result = await client.execute(`
    WITH latest AS (
      SELECT c.rep_id, c.interaction_type, c.responses, c.invitations FROM cpi_cumulative c
      WHERE c.day = (SELECT max(day) FROM cpi_cumulative c2 WHERE c2.rep_id = c.rep_id AND c2.interaction_type = c.interaction_type)
    ),
    actual AS (
      SELECT i.rep_id, i.type AS interaction_type,
        (SELECT count(*) FROM responses r WHERE r.rep_id = i.rep_id AND r.interaction_type = i.type AND r.status = 'submitted') AS responses,
        (SELECT count(*) FROM invitations v JOIN interactions x ON x.id = v.interaction_id WHERE v.rep_id = i.rep_id AND x.type = i.type AND v.status <> 'cancelled') AS invitations
      FROM (SELECT DISTINCT rep_id, type FROM interactions) i
    )
    SELECT a.rep_id, a.interaction_type, a.responses, a.invitations, l.responses AS rolled_responses, l.invitations AS rolled_invitations
    FROM actual a LEFT JOIN latest l ON l.rep_id = a.rep_id AND l.interaction_type = a.interaction_type
    WHERE coalesce(l.responses, 0) != a.responses OR coalesce(l.invitations, 0) != a.invitations`);
  return result.rows.map((r) => JSON.stringify(r));
}

export interface InProcess {
  deps: AppDeps;
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

/** The app in this process on an existing database file (the file stays when closed). */
export async function openInProcess(path: string, env: Record<string, string> = {}, clock?: Clock): Promise<InProcess> {
  const config = loadConfig({
    BASE_URL: 'http://cpi.test',
    DATABASE_URL: `file:${path}`,
    SEND_INTERVAL_SECONDS: '0',
    ...env,
  });
  const db = await createDb({ url: config.databaseUrl, writeDeadlineMs: config.writeDeadlineMs });
  await migrate(db.adminClient);
  const deps: AppDeps = { config, db, clock: clock ?? createClock(config.now), wakeSender: () => {} };
  return { deps, app: createApp(deps), close: () => db.close() };
}
