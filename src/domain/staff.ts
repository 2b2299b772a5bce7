/**
 * Staff account rules: the first admin comes from a one-time setup link that exists
 * only while there is no staff account; invite and reset links set a password once.
 */
import type { AppDeps } from '../context';
import { conflict } from '../lib/errors';
import { hashPassword } from '../lib/passwords';
import { hashToken, newToken } from '../lib/tokens';
import {
  countUsers,
  insertUser,
  getUserByEmail,
  deleteSessionsOfUser,
  updateUser,
  type NewUser,
} from '../../db/queries/users';
import { consumeOneTimeToken, deleteUnusedTokens, insertOneTimeToken } from '../../db/queries/one-time-tokens';
import { recordAudit } from '../../db/queries/audit';
import { DAY_MS } from '../lib/days';

const INVITE_VALID_MS = 7 * DAY_MS;

/** With no staff account yet, replaces any earlier setup link with a new one and returns it. */
export async function issueSetupLink(deps: AppDeps): Promise<string | undefined> {
  if ((await countUsers(deps.db.read)) > 0) return undefined;
  const token = newToken();
  const now = deps.clock.nowMs();
  await deps.db.write(async (tx) => {
    await deleteUnusedTokens(tx, 'setup');
    await insertOneTimeToken(tx, { tokenHash: hashToken(token), purpose: 'setup', now });
  });
  return `${deps.config.baseUrl}/setup?token=${token}`;
}

/** Creates the first admin; undefined when the link was used meanwhile or someone exists. */
export async function completeSetup(
  deps: AppDeps,
  token: string,
  admin: { name: string; email: string; password: string },
): Promise<number | undefined> {
  const passwordHash = await hashPassword(admin.password);
  const now = deps.clock.nowMs();
  return deps.db.write(async (tx) => {
    if ((await countUsers(tx)) > 0) return undefined;
    if (!(await consumeOneTimeToken(tx, hashToken(token), now))) return undefined;
    const id = await insertUser(tx, { ...admin, role: 'admin', passwordHash }, now);
    await recordAudit(tx, now, { actor: admin.email, action: 'user.setup-admin', subject: admin.email });
    return id;
  });
}

/** Creates a staff user; with no password, returns a one-time link for them to set one. */
export async function createStaffUser(
  deps: AppDeps,
  actor: string,
  user: Omit<NewUser, 'passwordHash'> & { password?: string | undefined },
): Promise<{ id: number; inviteLink?: string }> {
  if (await getUserByEmail(deps.db.read, user.email))
    throw conflict('A person with this email already exists.', [{ path: ['email'], message: 'already exists' }]);
  const passwordHash = await hashPassword(user.password ?? newToken());
  const invite = user.password ? undefined : newToken();
  const now = deps.clock.nowMs();
  const id = await deps.db.write(async (tx) => {
    if (await getUserByEmail(tx, user.email))
      throw conflict('A person with this email already exists.', [{ path: ['email'], message: 'already exists' }]);
    const userId = await insertUser(tx, { ...user, passwordHash }, now);
    if (invite)
      await insertOneTimeToken(tx, {
        tokenHash: hashToken(invite),
        purpose: 'invite',
        userId,
        now,
        expiresAt: now + INVITE_VALID_MS,
      });
    await recordAudit(tx, now, {
      actor,
      action: 'user.create',
      subject: user.email,
      detail: { role: user.role, teamIds: user.teamIds ?? [] },
    });
    return userId;
  });
  return invite ? { id, inviteLink: `${deps.config.baseUrl}/invite?token=${invite}` } : { id };
}

/** Replaces a user's password with an unusable one and returns a one-time link to set a new one. */
export async function issuePasswordReset(deps: AppDeps, actor: string, userId: number, email: string): Promise<string> {
  const token = newToken();
  const passwordHash = await hashPassword(newToken());
  const now = deps.clock.nowMs();
  await deps.db.write(async (tx) => {
    await deleteUnusedTokens(tx, 'invite', userId);
    await updateUser(tx, userId, { passwordHash }, now);
    await deleteSessionsOfUser(tx, userId);
    await insertOneTimeToken(tx, {
      tokenHash: hashToken(token),
      purpose: 'invite',
      userId,
      now,
      expiresAt: now + INVITE_VALID_MS,
    });
    await recordAudit(tx, now, { actor, action: 'user.reset-password', subject: email });
  });
  return `${deps.config.baseUrl}/invite?token=${token}`;
}
