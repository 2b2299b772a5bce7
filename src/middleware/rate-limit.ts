/**
 * Failure rate limits (RELIABILITY.md): only failures are counted — failed logins per
 * address and per account, bad survey tokens and bad API keys per address — in fixed
 * windows stored in the database, so every instance sees the same counts. Valid traffic
 * is never counted.
 */
import type { AppDeps } from '../context';
import { addFailure, getFailureCount } from '../../db/queries/rate-limits';
import { tooManyRequests } from '../lib/errors';

export type FailureKind = 'login-address' | 'login-account' | 'token-address' | 'apikey-address';

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

export async function recordFailures(deps: AppDeps, entries: [FailureKind, string][]): Promise<void> {
  const { start } = windowOf(deps);
  await deps.db.write(async (tx) => {
    for (const [kind, key] of entries) await addFailure(tx, `${kind}:${key}`, start);
  });
}
