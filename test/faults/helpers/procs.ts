/**
 * Child processes for fault tests: the REAL server and the REAL CLI, each run as
 * `node --import tsx <entry>` — what `npm start` / `npm run cli` run, without the npm and
 * tsx wrapper processes. The fault is a SIGKILL, and it must reach the process that holds
 * the database, not a wrapper (a killed wrapper leaves its child running). Being the
 * direct parent also means the killed process is reaped at once: an orphan reparented to
 * an init that does not reap (as in some containers) would stay a zombie and still
 * answer `kill(pid, 0)`, which is how the app tells whether an importer is alive.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { envWithoutConfig, freePort } from '../../helpers/server';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { ...envWithoutConfig(), SEND_INTERVAL_SECONDS: '0', ...env };
}

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Proc {
  child: ChildProcess;
  pid: number;
  /** stdout and stderr so far, interleaved. */
  output(): string;
  stdout(): string;
  stderr(): string;
  exited: Promise<Exit>;
  alive(): boolean;
  /** Sends SIGKILL and resolves once the process is gone (and reaped). */
  kill(): Promise<Exit>;
}

function track(entry: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, entry), ...args], {
    cwd: REPO_ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let all = '';
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    all += chunk;
    out += chunk;
  });
  child.stderr!.on('data', (chunk: string) => {
    all += chunk;
    err += chunk;
  });
  const exited = new Promise<Exit>((resolveExit) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolveExit({ code, signal });
    });
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    pid: child.pid!,
    output: () => all,
    stdout: () => out,
    stderr: () => err,
    exited,
    alive,
    async kill() {
      if (alive()) child.kill('SIGKILL');
      return exited;
    },
  };
}

/** Runs the CLI (`npm run cli -- …`) against a database; resolve `exited` to wait for it. */
export function spawnCli(args: string[], env: Record<string, string>): Proc {
  return track('src/cli.ts', args, { BASE_URL: 'http://cpi.test', ...env });
}

export interface ServerProc extends Proc {
  port: number;
  baseUrl: string;
  /** SIGTERM (graceful: finishes requests, closes the database), SIGKILL after 15 s. */
  stop(): Promise<Exit>;
}

/** Starts the real server on an existing (or new) database file and waits until it listens. */
export async function startServerOn(
  dbPath: string,
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<ServerProc> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const proc = track('src/server.ts', [], {
      DATABASE_URL: `file:${dbPath}`,
      ...env,
      PORT: String(port),
      BASE_URL: baseUrl,
    });
    const listening = /CPI Lens listening on http:\/\/[^:\s]+:(\d+)/;
    const ready = await new Promise<boolean>((resolveReady, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server did not start within ${timeoutMs} ms; output:\n${proc.output()}`)),
        timeoutMs,
      );
      const check = () => {
        if (!listening.test(proc.stdout())) return;
        clearTimeout(timer);
        proc.child.stdout!.off('data', check);
        resolveReady(true);
      };
      proc.child.stdout!.on('data', check);
      void proc.exited.then(() => {
        clearTimeout(timer);
        resolveReady(false);
      });
      check();
    });
    if (!ready) {
      if (/EADDRINUSE/.test(proc.output()) && attempt < 3) continue;
      throw new Error(`server exited before it was ready; output:\n${proc.output()}`);
    }
    return {
      ...proc,
      port,
      baseUrl,
      async stop() {
        if (!proc.alive()) return proc.exited;
        proc.child.kill('SIGTERM');
        const timer = setTimeout(() => proc.child.kill('SIGKILL'), 15_000);
        const exit = await proc.exited;
        clearTimeout(timer);
        return exit;
      },
    };
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
