/**
 * Bearer API keys for /api/v1: hashed at rest, looked up by hash; cookies are ignored.
 * A key in the query string is refused outright (it would end up in logs). Bad keys
 * count as failures per address (429 past the limit); valid traffic is never counted.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../context';
import type { ApiScope } from '../../db/schema';
import { getApiKeyByHash, markApiKeyUsed } from '../../db/queries/api-keys';
import { hashToken, isWellFormedApiKey } from '../lib/tokens';
import { AppError, forbidden, unauthorized } from '../lib/errors';
import { assertUnderFailureLimit, recordFailures } from './rate-limit';

const KEY_QUERY_PARAMS = ['api_key', 'apikey', 'apiKey', 'key', 'token', 'access_token'];
const MARK_USED_EVERY_MS = 60_000;

export function apiKeyAuth(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async function apiKeyMiddleware(c, next) {
    const query = new URL(c.req.url).searchParams;
    if (KEY_QUERY_PARAMS.some((name) => query.has(name))) {
      throw new AppError(
        400,
        'key_in_query',
        'API keys are accepted only in the Authorization header, never in the query string.',
      );
    }
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) throw unauthorized('Send an API key as "Authorization: Bearer <key>".');
    const address = c.get('clientAddress');
    const key = match[1];
    const row = isWellFormedApiKey(key) ? await getApiKeyByHash(deps.db.read, hashToken(key)) : undefined;
    if (!row || row.revokedAt !== null) {
      // Only bad keys are throttled: a valid key from the same address (a shared proxy) always passes.
      await assertUnderFailureLimit(deps, 'apikey-address', address);
      await recordFailures(deps, [['apikey-address', address]]);
      throw unauthorized(row ? 'This API key has been revoked.' : 'Unknown API key.');
    }
    const now = deps.clock.nowMs();
    // The last-used mark is written while the request runs, and waited for before it answers.
    const marking =
      row.lastUsedAt === null || now - row.lastUsedAt > MARK_USED_EVERY_MS
        ? deps.db.batch((db) => [markApiKeyUsed(db, row.id, now)] as const)
        : undefined;
    // Its failure is reported below, after the route; this only keeps it from counting as unhandled meanwhile.
    marking?.catch(() => {});
    c.set('apiKey', { id: row.id, name: row.name, scope: row.scope });
    await next();
    await marking;
  };
}

/** `ingest` routes write, `read` routes read; an `all` key does both. */
/** The key must have `scope` or `all`; `requireScope('all')` admits only `all` keys. */
export function requireScope(scope: ApiScope): MiddlewareHandler<AppEnv> {
  return async function requireScopeMiddleware(c, next) {
    const key = c.get('apiKey');
    if (key.scope !== 'all' && key.scope !== scope)
      throw forbidden(`This API key has the "${key.scope}" scope; this request needs "${scope}".`);
    await next();
  };
}
