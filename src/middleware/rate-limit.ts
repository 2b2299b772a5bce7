/**
 * Failure rate limits: only failures are counted — failed logins per address, per account
 * and address, and per account; bad survey tokens and bad API keys per address — in fixed
 * windows stored in the database, so every instance sees the same counts. Valid traffic is
 * never counted. Failures against an account from everywhere only slow its sign-in down
 * (never lock it), so nobody can lock a staff member out by guessing wrong on purpose.
 */
import type { AppDeps } from '../context';
import { addFailure, getFailureCount } from '../../db/queries/rate-limits';
import { tooManyRequests } from '../lib/errors';

export type FailureKind =
  | 'login-address'
  | 'login-account-address'
  | 'login-account'
  | 'token-address'
  | 'apikey-address';

function limitFor(deps: AppDeps, kind: FailureKind): number {
  const c = deps.config;
  if (kind === 'token-address') return c.tokenFailureLimit;
  if (kind === 'apikey-address') return c.apiKeyFailureLimit;
  return c.loginFailureLimit;
}

function windowOf(deps: AppDeps) {
  const size = deps.config.rateLimitWindowSeconds * 1000;
  const now = deps.clock.nowMs();
  const start = Math.floor(now / size) * size;
  return { start, retryAfterSeconds: Math.max(1, Math.ceil((start + size - now) / 1000)) };
}

/** Throws 429 with Retry-After when `key` has used up its failures in this window. */
export async function assertUnderFailureLimit(deps: AppDeps, kind: FailureKind, key: string): Promise<void> {
  const { start, retryAfterSeconds } = windowOf(deps);
  const count = await getFailureCount(deps.db.read, `${kind}:${key}`, start);
  if (count >= limitFor(deps, kind)) throw tooManyRequests(retryAfterSeconds);
}

/** Slow-down of an account's sign-in past its failure limit: 250 ms doubling per failure, at most 4 s. */
const SLOWDOWN_BASE_MS = 250;
const SLOWDOWN_MAX_MS = 4000;

/** How long to hold a sign-in to `key` before checking its password (0 under the limit). */
export async function failureSlowdownMs(deps: AppDeps, kind: FailureKind, key: string): Promise<number> {
  const { start } = windowOf(deps);
  const excess = (await getFailureCount(deps.db.read, `${kind}:${key}`, start)) - limitFor(deps, kind);
  return excess < 0 ? 0 : Math.min(SLOWDOWN_MAX_MS, SLOWDOWN_BASE_MS * 2 ** Math.min(excess, 10));
}

export async function recordFailures(deps: AppDeps, entries: [FailureKind, string][]): Promise<void> {
  const { start } = windowOf(deps);
  await deps.db.write(async (tx) => {
    for (const [kind, key] of entries) await addFailure(tx, `${kind}:${key}`, start);
  });
}
