/**
 * Runs analyses off the request thread: one worker thread per process (./worker.ts), started
 * on first use, jobs one at a time in the order asked; the same job asked twice while it runs
 * is run once. A private in-memory database (tests) cannot be opened twice: its analyses run
 * on this thread.
 */
import { Worker } from 'node:worker_threads';
import type { Config } from '../../config';
import type { Db } from '../../../db/client';
import { ANALYSES, type AnalysisKind } from './kinds';
import type { AnalysisJob, AnalysisReply } from './worker';

export interface Computed {
  json: string;
  durationMs: number;
}

export class AnalysisRunner {
  #worker: Worker | undefined;
  #nextId = 1;
  readonly #waiting = new Map<number, { resolve: (c: Computed) => void; reject: (e: Error) => void }>();
  readonly #inFlight = new Map<string, Promise<Computed>>();

  constructor(
    private readonly config: Pick<Config, 'databaseUrl' | 'databaseAuthToken'>,
    private readonly db: Db,
  ) {}

  run(kind: AnalysisKind, params: Record<string, unknown>, key: string): Promise<Computed> {
    const running = this.#inFlight.get(key);
    if (running) return running;
    const job = this.#start(kind, params).finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, job);
    return job;
  }

  async #start(kind: AnalysisKind, params: Record<string, unknown>): Promise<Computed> {
    if (this.#inThread()) {
      const started = performance.now();
      const compute = ANALYSES[kind] as (db: Db['read'], params: Record<string, unknown>) => Promise<unknown>;
      const result = await compute(this.db.read, params);
      return { json: JSON.stringify(result), durationMs: Math.round(performance.now() - started) };
    }
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    return new Promise<Computed>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      worker.postMessage({ id, kind, params } satisfies AnalysisJob);
    });
  }

  #inThread(): boolean {
    const url = this.config.databaseUrl;
    return url === ':memory:' || url === 'file::memory:';
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./worker.ts', import.meta.url).href;
    const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
    const worker = new Worker(boot, {
      eval: true,
      workerData: { url: this.config.databaseUrl, authToken: this.config.databaseAuthToken },
    });
    worker.unref();
    worker.on('message', (reply: AnalysisReply) => {
      const waiter = this.#waiting.get(reply.id);
      this.#waiting.delete(reply.id);
      if (!waiter) return;
      if (reply.ok) waiter.resolve({ json: reply.json, durationMs: reply.durationMs });
      else waiter.reject(new Error(`analysis failed: ${reply.message}`));
    });
    // A crashed worker fails what it held; the next job starts a new one.
    const fail = (error: Error) => {
      this.#worker = undefined;
      for (const waiter of this.#waiting.values()) waiter.reject(error);
      this.#waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the analysis worker exited with ${code}`)));
    this.#worker = worker;
    return worker;
  }

  async stop(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }
}
