/**
 * Housekeeping every few minutes, on one instance at a time (a lease in the database):
 * imports whose importer died are marked failed, expired sessions, old rate-limit
 * windows, used one-time links and webhook deliveries finished (delivered or dead) over 30 days ago
 * are deleted,
 * and the retention rule runs once a day.
 */
import { randomUUID } from 'node:crypto';
import { lt, and, isNotNull } from 'drizzle-orm';
import type { AppDeps } from '../context';
import { tryLease } from '../../db/queries/job-leases';
import { deleteExpiredSessions } from '../../db/queries/sessions';
import { deleteOldWindows } from '../../db/queries/rate-limits';
import { deleteFinishedDeliveriesBefore } from '../../db/queries/webhooks';
import { oneTimeTokens } from '../../db/schema';
import { sweepImports } from '../domain/imports/sweep';
import { applyRetention } from '../domain/privacy';
import { getSettings } from '../domain/settings';
import { saveSetting, getSettingValues } from '../../db/queries/settings';
import { IDLE_TIMEOUT_MS } from '../middleware/session';
import { DAY_MS } from '../lib/days';

async function runMaintenance(deps: AppDeps, holder: string): Promise<boolean> {
  const now = deps.clock.nowMs();
  if (!(await deps.db.write((tx) => tryLease(tx, 'maintenance', holder, now, 10 * 60_000)))) return false;
  await sweepImports(deps);
  await deps.db.write(async (tx) => {
    await deleteExpiredSessions(tx, now, IDLE_TIMEOUT_MS);
    await deleteOldWindows(tx, now - 2 * DAY_MS);
    await deleteFinishedDeliveriesBefore(tx, now - 30 * DAY_MS);
    await tx
      .delete(oneTimeTokens)
      .where(and(isNotNull(oneTimeTokens.usedAt), lt(oneTimeTokens.usedAt, now - 30 * DAY_MS)));
  });
  const { retentionMonths } = await getSettings(deps.db.read);
  const lastRun = Number((await getSettingValues(deps.db.read)).get('retention.lastRunAt') ?? 0);
  if (retentionMonths !== null && now - lastRun > DAY_MS) {
    await deps.db.write(async (tx) => {
      await applyRetention(tx, retentionMonths, 'system', now);
      await saveSetting(tx, 'retention.lastRunAt', now, now);
    });
  }
  return true;
}

/** Starts the job loop (first run soon after start); stop() waits for a running pass. */
export function startMaintenance(deps: AppDeps, everyMs = 5 * 60_000) {
  const holder = `maintenance-${randomUUID()}`;
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (running) return;
    running = runMaintenance(deps, holder)
      .catch((error: unknown) =>
        console.error(`[maintenance] ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => (running = undefined));
  };
  const first = setTimeout(tick, 2_000);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
