/**
 * The admin page's imports — staging an upload and publishing it — on a worker thread
 * (import-worker.ts) with a connection of its own, when the database is a file. Every
 * statement on a file runs synchronously on the thread that issues it: on the server's
 * thread a 200,000-row upload kept /healthz and every other request waiting for seconds
 * (its final commit alone for about 80 ms, parsing the 20 MB body for about as long). On a
 * worker thread the server's requests go on; its writes wait for the import's lock as they
 * wait for the CLI's (then 503 past WRITE_DEADLINE_MS). Against a libSQL server every
 * statement is a network round trip already, and both stay on this thread.
 */
import { Worker } from 'node:worker_threads';
import type { AppDeps } from '../../context';
import type { Config } from '../../config';
import { AppError } from '../../lib/errors';
import { publishImport, type PublishResult } from './run';
import { stageUpload, type Upload, type UploadOutcome } from './upload';

export type ImportJob = { op: 'stage'; upload: Upload } | { op: 'publish'; importId: number; actor: string };

export interface WorkerInput {
  config: Config;
  /** The server's clock now (the worker's clock starts there: tests run on a set clock). */
  now: string;
  job: ImportJob;
}

export type WorkerOutcome =
  | { ok: true; value: UploadOutcome | PublishResult }
  | { ok: false; status: AppError['status']; code: string; message: string }
  | { ok: false; crash: string };

function startWorker(input: WorkerInput): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./import-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  const transfer = input.job.op === 'stage' ? [input.job.upload.body.buffer as ArrayBuffer] : [];
  return new Worker(boot, { eval: true, workerData: input, transferList: transfer });
}

/** A server, or a private in-memory database (a second connection would open another one): this thread. */
const staysHere = (deps: AppDeps) => deps.db.kind !== 'file' || deps.config.databaseUrl === ':memory:' || deps.config.databaseUrl === 'file::memory:';

async function runInWorker(deps: AppDeps, job: ImportJob): Promise<UploadOutcome | PublishResult> {
  const input: WorkerInput = { config: { ...deps.config }, now: new Date(deps.clock.nowMs()).toISOString(), job };
  const outcome = await new Promise<WorkerOutcome>((resolve, reject) => {
    const worker = startWorker(input);
    let settled = false;
    worker.once('message', (message: WorkerOutcome) => {
      settled = true;
      resolve(message);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the import worker exited with ${code} before it answered`));
    });
  });
  if (outcome.ok) return outcome.value;
  if ('crash' in outcome) throw new Error(outcome.crash);
  throw new AppError(outcome.status, outcome.code, outcome.message);
}

export async function stageOffThread(deps: AppDeps, upload: Upload): Promise<UploadOutcome> {
  if (staysHere(deps)) return stageUpload(deps, upload);
  // The body's own copy: its buffer is handed over to the worker, not shared.
  return (await runInWorker(deps, { op: 'stage', upload: { ...upload, body: new Uint8Array(upload.body) } })) as UploadOutcome;
}

export async function publishOffThread(deps: AppDeps, importId: number, actor: string): Promise<PublishResult> {
  if (staysHere(deps)) return publishImport(deps, importId, actor, { web: true });
  return (await runInWorker(deps, { op: 'publish', importId, actor })) as PublishResult;
}
