/**
 * Lowers the priority of the calling worker thread (Linux: a thread has its own nice value,
 * found through /proc/thread-self), so that on a busy machine the server's request thread is
 * scheduled first and background work — an import, an analysis — takes the CPU left over.
 * Best effort: elsewhere, or without the right, it does nothing.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

const BACKGROUND_NICE = 10;

export function runInBackground(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, BACKGROUND_NICE);
  } catch {
    // Not Linux, or not allowed: the thread keeps its priority.
  }
}
