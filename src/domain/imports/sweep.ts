/**
 * Imports whose importer is gone: a killed CLI or server leaves an import staging, ready or
 * publishing with nobody to finish it. It is shown as failed at once (asShown) and recorded
 * as failed by the next sweep (the maintenance job, each CLI import), which also drops
 * unconfirmed uploads a day old and rejected rows a month after their import.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { AppDeps } from '../../context';
import { deleteOldRejects, failImport, listUnfinishedImports, type ImportError } from '../../../db/queries/imports';

/** This process, as the owner of the imports it works on. */
export const PROCESS_OWNER = `${hostname()}:${process.pid}`;
/** A remote importer that sent no heartbeat for this long is taken as gone. */
const STALE_MS = 10 * 60_000;
/** A staged import nobody confirmed for a day is dropped. */
const UNCONFIRMED_MS = 24 * 60 * 60_000;
/** Rejected rows stay downloadable for a month after their import finished. */
const REJECTS_KEPT_MS = 30 * 24 * 60 * 60_000;

/** True when the process that owns an unfinished import is no longer there to finish it. */
function ownerGone(owner: string | null, heartbeatAt: number, now: number): boolean {
  const [host, pid] = (owner ?? '').split(':');
  if (host === hostname() && pid) {
    if (Number(pid) === process.pid) return false;
    try {
      process.kill(Number(pid), 0);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH';
    }
    // A killed process nobody has reaped yet still answers kill(0): on Linux its state says so.
    return isZombie(Number(pid));
  }
  return now - heartbeatAt > STALE_MS;
}

function isZombie(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

const INTERRUPTED = 'the import was interrupted before it was published; nothing was written';

/** How an import should be shown now: one whose importer is gone is failed, even before the sweep records it (GET changes nothing). */
export function asShown<
  T extends { status: string; owner: string | null; heartbeatAt: number; errors: ImportError[] | null },
>(imp: T, now: number): T {
  // A staged import whose importer is gone is failed too: the CLI stages and publishes in one
  // run, and a web upload awaiting confirmation does not survive its server.
  if (
    (imp.status === 'staging' || imp.status === 'ready' || imp.status === 'publishing') &&
    ownerGone(imp.owner, imp.heartbeatAt, now)
  ) {
    return { ...imp, status: 'failed', errors: [{ line: 0, column: '', value: '', message: INTERRUPTED }] };
  }
  return imp;
}

/** Marks imports whose importer was killed, and unconfirmed ones a day old, as failed (their staged rows go); drops rejected rows a month old. */
export async function sweepImports(deps: AppDeps): Promise<number> {
  const now = deps.clock.nowMs();
  const unfinished = await listUnfinishedImports(deps.db.read);
  const doomed = unfinished.filter(
    (i) => ownerGone(i.owner, i.heartbeatAt, now) || (i.status === 'ready' && now - i.heartbeatAt > UNCONFIRMED_MS),
  );
  for (const i of doomed) {
    await deps.db.write((tx) =>
      failImport(
        tx,
        i.id,
        ownerGone(i.owner, i.heartbeatAt, now)
          ? INTERRUPTED
          : 'the import was not confirmed within a day; nothing was written',
        now,
      ),
    );
  }
  await deps.db.write((tx) => deleteOldRejects(tx, now - REJECTS_KEPT_MS));
  return doomed.length;
}
