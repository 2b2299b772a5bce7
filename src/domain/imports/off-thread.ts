/**
 * The admin page's imports — staging an upload and publishing it — on a worker thread
 * (import-worker.ts) with a connection of its own, when the database is a file. Every
 * statement on a file runs synchronously on the thread that issues it: on the server's
 * thread a 200,000-row upload kept /healthz and every other request waiting for seconds
 * (its final commit alone for about 80 ms, parsing the 20 MB body for about as long). On a
 * worker thread the server's requests go on; its writes wait for the import's lock as they
 * wait for the CLI's (then 503 past WRITE_DEADLINE_MS). Against a libSQL server every
 * statement is a network round trip already, and both stay on this thread.
 *
 * A job tells when it is underway (`started`) and how far it has got (progress.ts), so a
 * long one can go on after the request that began it has been answered.
 */
import { Worker } from 'node:worker_threads';
import type { AppDeps } from '../../context';
import type { Config } from '../../config';
import { AppError } from '../../lib/errors';
import { publishImport } from './run';
import type { PublishResult } from './write';
import { stageUpload, type Upload, type UploadOutcome } from './upload';
import { endProgress, reportProgress, type ImportProgress } from './progress';

type ImportJob =
  | { op: 'stage'; upload: Upload }
  | { op: 'publish'; importId: number; actor: string; skipInvalid: boolean };

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

export type WorkerMessage =
  | { type: 'started'; importId: number }
  | { type: 'progress'; importId: number; progress: ImportProgress }
  | { type: 'done'; outcome: WorkerOutcome };

/** An import job under way. */
export interface RunningImport<T> {
  /** The import's id once the job is under way (staging: the import exists; publishing: it is this job's), or undefined if the job ended first. */
  started: Promise<number | undefined>;
  done: Promise<T>;
}

function startWorker(input: WorkerInput): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./import-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  const transfer = input.job.op === 'stage' ? [input.job.upload.body.buffer as ArrayBuffer] : [];
  return new Worker(boot, { eval: true, workerData: input, transferList: transfer });
}

/** A server, or a private in-memory database (a second connection would open another one): this thread. */
const staysHere = (deps: AppDeps) =>
  deps.db.kind !== 'file' || deps.config.databaseUrl === ':memory:' || deps.config.databaseUrl === 'file::memory:';

/** Runs a job, telling when it is under way and keeping its progress (progress.ts) until it ends. */
function track<T>(
  run: (events: {
    onStart: (importId: number) => void;
    onProgress: (importId: number, progress: ImportProgress) => void;
  }) => Promise<T>,
): RunningImport<T> {
  let importId: number | undefined;
  let started!: (id: number | undefined) => void;
  const startedPromise = new Promise<number | undefined>((resolve) => (started = resolve));
  const done = run({
    onStart: (id) => {
      importId = id;
      started(id);
    },
    onProgress: (id, progress) => reportProgress(id, progress),
  }).finally(() => {
    if (importId !== undefined) endProgress(importId);
    started(undefined);
  });
  return { started: startedPromise, done };
}

function runInWorker(deps: AppDeps, job: ImportJob): RunningImport<UploadOutcome | PublishResult> {
  const input: WorkerInput = { config: { ...deps.config }, now: new Date(deps.clock.nowMs()).toISOString(), job };
  return track(async (events) => {
    const outcome = await new Promise<WorkerOutcome>((resolve, reject) => {
      const worker = startWorker(input);
      let settled = false;
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'started') events.onStart(message.importId);
        else if (message.type === 'progress') events.onProgress(message.importId, message.progress);
        else {
          settled = true;
          resolve(message.outcome);
        }
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (!settled) reject(new Error(`the import worker exited with ${code} before it answered`));
      });
    });
    if (outcome.ok) return outcome.value;
    if ('crash' in outcome) throw new Error(outcome.crash);
    throw new AppError(outcome.status, outcome.code, outcome.message);
  });
}

export function stageOffThread(deps: AppDeps, upload: Upload): RunningImport<UploadOutcome> {
  if (staysHere(deps)) {
    return track((events) => {
      let id = 0;
      return stageUpload(deps, upload, {
        onStart: (importId) => events.onStart((id = importId)),
        onProgress: (progress) => events.onProgress(id, progress),
      });
    });
  }
  // The body's own copy: its buffer is handed over to the worker, not shared.
  return runInWorker(deps, {
    op: 'stage',
    upload: { ...upload, body: new Uint8Array(upload.body) },
  }) as RunningImport<UploadOutcome>;
}

export function publishOffThread(
  deps: AppDeps,
  importId: number,
  actor: string,
  options: { skipInvalid: boolean },
): RunningImport<PublishResult> {
  if (staysHere(deps)) {
    return track((events) =>
      publishImport(deps, importId, actor, {
        web: true,
        skipInvalid: options.skipInvalid,
        onStart: () => events.onStart(importId),
        onProgress: (progress) => events.onProgress(importId, progress),
      }),
    );
  }
  return runInWorker(deps, {
    op: 'publish',
    importId,
    actor,
    skipInvalid: options.skipInvalid,
  }) as RunningImport<PublishResult>;
}
