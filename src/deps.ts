/**
 * What every entry point opens first: the database (migrated) and the app's dependencies.
 * Kept apart from the web server so that the CLI does not load the web app (about a
 * second of module loading before `cli import` reads its first row).
 */
import type { Config } from './config';
import { createDb, type Db } from '../db/client';
import { migrate } from '../db/migrate';
import { createClock, type Clock } from './lib/clock';
import type { AppDeps } from './context';
import { loadSecretsKey } from './lib/secrets';

export async function openDeps(
  config: Config,
  clock: Clock = createClock(config.now),
): Promise<{ db: Db; deps: AppDeps; setWake(wake: () => void): void }> {
  const db = await createDb({
    url: config.databaseUrl,
    authToken: config.databaseAuthToken,
    writeDeadlineMs: config.writeDeadlineMs,
    timeoutMs: config.databaseTimeoutMs,
    maxPending: config.databaseMaxPending,
  });
  await migrate(db.adminClient);
  let wake = () => {};
  return {
    db,
    deps: { config, db, clock, wakeSender: () => wake(), secretsKey: loadSecretsKey(config) },
    setWake: (w) => void (wake = w),
  };
}
