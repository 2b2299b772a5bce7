/**
 * Staff sessions: a random id in an HttpOnly, SameSite=Lax cookie (Secure over https),
 * stored as its hash, with a 30-minute idle and a 12-hour absolute timeout, revoked when
 * the user is disabled. `loadSession` sets `c.var.user`; `requireRole` guards routes.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDeps, AppEnv, SessionUser } from '../context';
import type { Role } from '../../db/schema';
import { deleteSession, getSessionWithUser, insertSession, touchSession } from '../../db/queries/sessions';
import { getTrainerTeamIds } from '../../db/queries/users';
import { hashToken, isWellFormedToken, newToken } from '../lib/tokens';
import { AppError } from '../lib/errors';

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

export const sessionCookieName = (deps: AppDeps) =>
  deps.config.secureCookies ? '__Host-cpil_session' : 'cpil_session';

export function loadSession(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async function loadSessionMiddleware(c, next) {
    c.set('user', undefined);
    const id = getCookie(c, sessionCookieName(deps));
    if (id !== undefined) {
      const user = isWellFormedToken(id) ? await resolveSession(deps, id) : undefined;
      if (user) c.set('user', user);
      else deleteCookie(c, sessionCookieName(deps), { path: '/', secure: deps.config.secureCookies });
    }
    c.header('Cache-Control', 'no-store');
    await next();
  };
}

async function resolveSession(deps: AppDeps, id: string): Promise<SessionUser | undefined> {
  const idHash = hashToken(id);
  const found = await getSessionWithUser(deps.db.read, idHash);
  if (!found) return undefined;
  const now = deps.clock.nowMs();
  const { session, user } = found;
  const expired =
    now >= session.absoluteExpiresAt || now - session.lastSeenAt >= IDLE_TIMEOUT_MS || user.disabledAt !== null;
  if (expired) {
    await deps.db.write((tx) => deleteSession(tx, idHash));
    return undefined;
  }
  if (now - session.lastSeenAt >= TOUCH_EVERY_MS) await deps.db.write((tx) => touchSession(tx, idHash, now));
  const teamIds = user.role === 'trainer' ? await getTrainerTeamIds(deps.db.read, user.id) : [];
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, teamIds };
}

/** Starts a new session (rotating away any session the browser already had). */
export async function startSession(deps: AppDeps, c: Context, userId: number): Promise<void> {
  const previous = getCookie(c, sessionCookieName(deps));
  const id = newToken();
  const now = deps.clock.nowMs();
  await deps.db.write(async (tx) => {
    if (previous && isWellFormedToken(previous)) await deleteSession(tx, hashToken(previous));
    await insertSession(tx, hashToken(id), userId, now, now + ABSOLUTE_TIMEOUT_MS);
  });
  setCookie(c, sessionCookieName(deps), id, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.config.secureCookies,
    maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
  });
}

export async function endSession(deps: AppDeps, c: Context): Promise<void> {
  const id = getCookie(c, sessionCookieName(deps));
  if (id && isWellFormedToken(id)) await deps.db.write((tx) => deleteSession(tx, hashToken(id)));
  deleteCookie(c, sessionCookieName(deps), { path: '/', secure: deps.config.secureCookies });
}

/** Signed-in staff with one of `roles`; anonymous users are sent to the login page. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async function requireRoleMiddleware(c, next) {
    const user = c.get('user');
    if (!user) {
      const next = `${c.req.path}${new URL(c.req.url).search}`;
      const location = `/login?next=${encodeURIComponent(next)}`;
      if (c.req.header('HX-Request') === 'true') {
        c.header('HX-Redirect', location);
        return c.body(null, 401);
      }
      return c.redirect(location, 303);
    }
    if (!roles.includes(user.role))
      throw new AppError(403, 'forbidden', 'Your role does not give access to this page.');
    await next();
  };
}

/** The signed-in user of a route guarded by requireRole. */
export function currentUser(c: Context<AppEnv>): SessionUser {
  const user = c.get('user');
  if (!user) throw new AppError(401, 'unauthorized', 'Sign in first.');
  return user;
}

/**
 * Only local paths are followed after login. The check is made on what is returned, after
 * the URL parser has normalised it: `/.//evil.test` becomes `//evil.test`, which a browser
 * reads as another host, so it is refused like `//evil.test`, `/\\evil` and schemes.
 */
export function safeNextPath(next: string | undefined): string {
  if (!next || /[\x00-\x1f\x7f]/.test(next)) return '/';
  let normalised: string;
  try {
    const url = new URL(next, 'http://local.invalid');
    if (url.origin !== 'http://local.invalid') return '/';
    normalised = `${url.pathname}${url.search}`;
  } catch {
    return '/';
  }
  return isLocalPath(next) && isLocalPath(normalised) ? normalised : '/';
}

const isLocalPath = (path: string) => path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\');
