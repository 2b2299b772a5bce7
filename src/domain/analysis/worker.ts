/**
 * The analysis worker thread (./runner.ts): one per process, with its own connection to the
 * database, computing the analyses of ./kinds.ts one at a time. A result goes back as JSON
 * text; the server's thread stores it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createDb, type Db } from '../../../db/client';
import { ANALYSES, type AnalysisKind } from './kinds';
import { runInBackground } from '../../lib/background-thread';

export interface AnalysisJob {
  id: number;
  kind: AnalysisKind;
  params: Record<string, unknown>;
}
export type AnalysisReply =
  | { id: number; ok: true; json: string; durationMs: number }
  | { id: number; ok: false; message: string };

const { url, authToken } = workerData as { url: string; authToken: string | undefined };
runInBackground();
let db: Promise<Db> | undefined;

parentPort!.on('message', async (job: AnalysisJob) => {
  const started = performance.now();
  try {
    db ??= createDb({ url, authToken, checkpoints: false });
    const compute = ANALYSES[job.kind] as (db: Db['read'], params: Record<string, unknown>) => Promise<unknown>;
    const result = await compute((await db).read, job.params);
    parentPort!.postMessage({
      id: job.id,
      ok: true,
      json: JSON.stringify(result),
      durationMs: Math.round(performance.now() - started),
    } satisfies AnalysisReply);
  } catch (error) {
    parentPort!.postMessage({
      id: job.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    } satisfies AnalysisReply);
  }
});
