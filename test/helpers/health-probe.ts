/** A client that times GET /healthz over and over while a test loads the server. */
import { Worker } from 'node:worker_threads';

/**
 * Times GET /healthz from its own thread (so that writing the floods here cannot delay the
 * probe's clock) until told to stop; resolves with every latency in ms.
 */
export function probeHealth(url: string): { ready: Promise<void>; stop(): Promise<number[]> } {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
    let running = true;
    const latencies = [];
    parentPort.on('message', () => { running = false; });
    (async () => {
      while (running) {
        const started = performance.now();
        const res = await fetch(workerData);
        await res.arrayBuffer();
        latencies.push(performance.now() - started);
        if (latencies.length === 1) parentPort.postMessage('ready');
        await new Promise((r) => setTimeout(r, 5));
      }
      parentPort.postMessage(latencies);
    })();`,
    { eval: true, workerData: url },
  );
  const ready = new Promise<void>((resolve) => worker.once('message', () => resolve()));
  return {
    ready,
    stop: async () => {
      const done = new Promise<number[]>((resolve) => worker.on('message', (m) => Array.isArray(m) && resolve(m)));
      worker.postMessage('stop');
      const latencies = await done;
      await worker.terminate();
      return latencies;
    },
  };
}
