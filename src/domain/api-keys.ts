import type { AppDeps } from '../context';
import type { ApiScope } from '../../db/schema';
import { hashToken, newApiKey } from '../lib/tokens';
import { insertApiKey, revokeApiKey } from '../../db/queries/api-keys';
import { recordAudit } from '../../db/queries/audit';

/** Creates a key and returns its plaintext, which is never stored or shown again. */
export async function createApiKey(
  deps: AppDeps,
  input: { name: string; scope: ApiScope; actor: string; actorId: number | null },
) {
  const { key, prefix } = newApiKey();
  const now = deps.clock.nowMs();
  const id = await deps.db.write(async (tx) => {
    const keyId = await insertApiKey(tx, {
      name: input.name,
      scope: input.scope,
      prefix,
      keyHash: hashToken(key),
      createdBy: input.actorId,
      now,
    });
    await recordAudit(tx, now, {
      actor: input.actor,
      action: 'apikey.create',
      subject: input.name,
      detail: { id: keyId, scope: input.scope, prefix },
    });
    return keyId;
  });
  return { id, key, prefix };
}

export async function revokeKey(deps: AppDeps, id: number, actor: string): Promise<boolean> {
  const now = deps.clock.nowMs();
  return deps.db.write(async (tx) => {
    const ok = await revokeApiKey(tx, id, now);
    if (ok) await recordAudit(tx, now, { actor, action: 'apikey.revoke', subject: String(id) });
    return ok;
  });
}
