/**
 * Starts the REAL server (`node --import tsx src/server.ts`, as `npm start` does) in a child
 * process, on a free port, against a fresh libSQL file in a temp folder. For browser and load
 * tests, which need a socket rather than `app.request()`.
 *
 * The port is chosen before start (bind to 0, read it, close) because BASE_URL must equal the
 * origin the client uses: staff form posts are origin-checked against BASE_URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_VARIABLES } from '../../src/config';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER_ENTRY = join(REPO_ROOT, 'src/server.ts');

/**
 * The runner's environment without any variable src/config.ts reads (vitest sets BASE_URL=/):
 * a child process gets only the configuration a test gives it.
 */
export function envWithoutConfig(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of CONFIG_VARIABLES) delete env[key];
  return env;
}

export interface TestServer {
  port: number;
  /** `http://127.0.0.1:<port>`, also the server's BASE_URL. */
  baseUrl: string;
  dir: string;
  dbPath: string;
  /** The one-time `/setup?token=…` link the server printed (absolute, on baseUrl). */
  setupLink: string | undefined;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM, then waits for the process to exit (SIGKILL after 15 s) and removes the temp folder. */
  stop(): Promise<void>;
}

export interface StartTestServerOptions {
  /** Wait for the setup link (printed last at start on a fresh database). Default true. */
  waitForSetupLink?: boolean;
  /** How long start may take. Default 45 s. */
  timeoutMs?: number;
}

/** A port nobody listens on right now (bound on all interfaces, like the server). */
export async function freePort(): Promise<number> {
  return await new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolvePort(port) : reject(new Error('no port assigned'))));
    });
  });
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startTestServer(
  env: Record<string, string> = {},
  options: StartTestServerOptions = {},
): Promise<TestServer> {
  let lastError: unknown;
  // The free port can be taken between probe and listen; try again on EADDRINUSE.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(env, options);
    } catch (error) {
      lastError = error;
      if (!(error instanceof Error && /EADDRINUSE/.test(error.message))) throw error;
    }
  }
  throw lastError;
}

async function startOnce(env: Record<string, string>, options: StartTestServerOptions): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'cpi-lens-server-'));
  const dbPath = join(dir, 'test.db');
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const baseUrl = env.BASE_URL ?? `http://127.0.0.1:${port}`;

  const childEnv = envWithoutConfig();
  Object.assign(childEnv, {
    DATABASE_URL: `file:${dbPath}`,
    SEND_INTERVAL_SECONDS: '0',
    ...env,
    PORT: String(port),
    BASE_URL: baseUrl,
  });

  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let log = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (log += chunk));
  child.stderr.on('data', (chunk: string) => (log += chunk));
  const exited = new Promise<number | null>((resolveExit) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolveExit(code ?? (signal ? 128 : null));
    });
  });

  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    cleanup();
  };

  const waitForSetupLink = options.waitForSetupLink ?? true;
  const timeoutMs = options.timeoutMs ?? 45_000;
  const listening = /CPI Lens listening on http:\/\/[^:\s]+:(\d+)/;
  const setupLinkPattern = /(\S*\/setup\?token=[A-Za-z0-9_-]+)/;
  const ready = () => listening.test(log) && (!waitForSetupLink || setupLinkPattern.test(log));

  try {
    await new Promise<void>((resolveReady, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server did not start within ${timeoutMs} ms; output:\n${log}`)),
        timeoutMs,
      );
      const check = () => {
        if (!ready()) return;
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolveReady();
      };
      child.stdout.on('data', check);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code} before it was ready; output:\n${log}`));
      });
      check();
    });
  } catch (error) {
    await stop();
    throw error;
  }

  const actualPort = Number(listening.exec(log)?.[1]);
  if (actualPort !== port) {
    await stop();
    throw new Error(`server listens on ${actualPort}, expected ${port}`);
  }
  return {
    port,
    baseUrl,
    dir,
    dbPath,
    setupLink: setupLinkPattern.exec(log)?.[1],
    output: () => log,
    stop,
  };
}
