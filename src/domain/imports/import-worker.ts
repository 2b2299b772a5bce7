/**
 * Worker thread of the admin page's imports (src/domain/imports/off-thread.ts): opens the
 * database file with its own connection (checkpoints stay with the server's checkpointer),
 * stages an upload or publishes a staged import — as the CLI does, in large chunks and with
 * the interactions indexes built again when that is cheaper —, tells the server when it is
 * under way and how far it has got, and answers with the result or the typed error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createDb } from '../../../db/client';
import { createClock } from '../../lib/clock';
import { AppError, databaseUnavailable } from '../../lib/errors';
import { DatabaseUnavailableError } from '../../../db/errors';
import { publishImport } from './run';
import { stageUpload } from './upload';
import { runInBackground } from '../../lib/background-thread';
import type { WorkerInput, WorkerMessage, WorkerOutcome } from './off-thread';
import type { ImportProgress } from './progress';

const input = workerData as WorkerInput;
const port = parentPort!;
runInBackground();

const tell = (message: WorkerMessage) => port.postMessage(message);

async function run(): Promise<WorkerOutcome> {
  const db = await createDb({
    url: input.config.databaseUrl,
    writeDeadlineMs: input.config.writeDeadlineMs,
    checkpoints: false,
  });
  try {
    const deps = { config: input.config, db, clock: createClock(input.now), wakeSender: () => {} };
    const job = input.job;
    let importId = job.op === 'publish' ? job.importId : 0;
    const onProgress = (progress: ImportProgress) => tell({ type: 'progress', importId, progress });
    const value =
      job.op === 'stage'
        ? await stageUpload(deps, job.upload, {
            onStart: (id) => tell({ type: 'started', importId: (importId = id) }),
            onProgress,
          })
        : await publishImport(deps, job.importId, job.actor, {
            web: false,
            skipInvalid: job.skipInvalid,
            onStart: () => tell({ type: 'started', importId }),
            onProgress,
          });
    return { ok: true, value };
  } catch (thrown) {
    const error = thrown instanceof DatabaseUnavailableError ? databaseUnavailable(thrown) : thrown;
    if (error instanceof AppError) return { ok: false, status: error.status, code: error.code, message: error.message };
    return { ok: false, crash: error instanceof Error ? error.message : String(error) };
  } finally {
    await db.close();
  }
}

void run().then((outcome) => tell({ type: 'done', outcome }));
