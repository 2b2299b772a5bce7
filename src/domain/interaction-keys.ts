/**
 * The short forms of an interaction's customer and content kept with it, so that a CRM's
 * retry can be compared with what was received first (src/domain/interactions.ts), and
 * a history import can compute them while it reads (src/domain/imports/parse-worker.ts).
 */
import { hash } from 'node:crypto';
import type { InteractionInput } from './inputs';

/** A short hash of the customer fields an interaction arrived with, for comparing retries. */
export function customerKey(c: InteractionInput['customer']): string {
  return hash('sha256', JSON.stringify([c.email, c.name, c.locale, c.company]), 'base64url').slice(0, 22);
}

/** The content ids, sorted and `;`-joined. */
export const contentKey = (ids: readonly string[]) => (ids.length < 2 ? (ids[0] ?? '') : [...ids].sort().join(';'));
