/** Another process holding the database write lock: the `sqlite3` command line in `BEGIN IMMEDIATE`. */
import { spawn } from 'node:child_process';

export interface HeldLock {
  /** Resolves (with Date.now()) once the lock is taken. */
  locked: Promise<number>;
  /** Resolves (with Date.now()) once COMMIT returned and the lock is free again. */
  released: Promise<number>;
  /** The sqlite3 process's exit code. */
  exited: Promise<number | null>;
  kill(): void;
}

export function holdWriteLock(dbPath: string, holdMs: number): HeldLock {
  // `.shell` runs outside sqlite3's buffered stdout, so each line arrives when it happens.
  const script = [
    '.bail on',
    '.timeout 20000',
    'BEGIN IMMEDIATE;',
    '.shell echo locked',
    `.shell sleep ${(holdMs / 1000).toFixed(3)}`,
    'COMMIT;',
    '.shell echo released',
    '',
  ].join('\n');
  const child = spawn('sqlite3', [dbPath], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let onLocked: (at: number) => void = () => {};
  let onReleased: (at: number) => void = () => {};
  const lockedLine = new Promise<number>((resolve) => (onLocked = resolve));
  const releasedLine = new Promise<number>((resolve) => (onReleased = resolve));
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
    if (/^locked$/m.test(out)) onLocked(Date.now());
    if (/^released$/m.test(out)) onReleased(Date.now());
  });
  child.stderr.on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  const unlessExited = (line: Promise<number>, what: string) =>
    Promise.race([
      line,
      exited.then(async (code) => {
        await new Promise((r) => setImmediate(r));
        if (new RegExp(`^${what}$`, 'm').test(out)) return line;
        throw new Error(`sqlite3 exited with ${code} before it printed "${what}": ${err}`);
      }),
    ]);
  const locked = unlessExited(lockedLine, 'locked');
  const released = unlessExited(releasedLine, 'released');
  // Reported to whoever awaits them; never as an unhandled rejection.
  locked.catch(() => {});
  released.catch(() => {});
  child.stdin.end(script);
  return { locked, released, exited, kill: () => child.kill('SIGKILL') };
}
