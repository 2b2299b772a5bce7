import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../context';
import { PeoplePage } from '../../../views/pages/admin/people';
import { renderHtml } from '../../lib/render';
import { readForm, field, fieldList, parseWith } from '../../lib/forms';
import { staffT } from '../../lib/i18n/staff';
import { passwordProblem } from '../../lib/passwords';
import { AppError, notFound } from '../../lib/errors';
import { currentUser } from '../../middleware/session';
import {
  listUsersWithTeams,
  getUser,
  updateUser,
  setTrainerTeams,
  deleteSessionsOfUser,
  countActiveAdmins,
} from '../../../db/queries/users';
import { listTeams } from '../../../db/queries/reps';
import { recordAudit } from '../../../db/queries/audit';
import { createStaffUser, issuePasswordReset } from '../../domain/staff';
import { ROLES } from '../../../db/schema';

const newPersonSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(200),
  email: z.string().trim().toLowerCase().email('must be a valid email address').max(254),
  role: z.enum(ROLES),
  teamIds: z.array(z.coerce.number().int().positive()),
  password: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      const problem = value ? passwordProblem(value) : undefined;
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});

export function userAdminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  const page = async (
    c: Context<AppEnv>,
    extra: Partial<Parameters<typeof PeoplePage>[0]> = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const user = currentUser(c);
    const [people, teams] = await Promise.all([listUsersWithTeams(deps.db.read), listTeams(deps.db.read)]);
    const saved = c.req.query('saved');
    const t = staffT(user.locale);
    const notice = extra.notice ?? (saved === '1' ? t('userUpdated') : undefined);
    const error = extra.error ?? (c.req.query('error') === 'last-admin' ? t('lastAdmin') : undefined);
    return renderHtml(
      c,
      <PeoplePage t={t} user={user} people={people} teams={teams} {...extra} notice={notice} error={error} />,
      status,
    );
  };

  app.get('/', (c) => page(c));

  app.post('/', async (c) => {
    const actor = currentUser(c);
    const t = staffT(actor.locale);
    const form = await readForm(c);
    const values = { name: field(form, 'name'), email: field(form, 'email'), role: field(form, 'role') };
    const parsed = parseWith(newPersonSchema, {
      ...values,
      teamIds: fieldList(form, 'teamId', (await listTeams(deps.db.read)).length),
      password: field(form, 'password') || undefined,
    });
    if (!parsed.ok) return page(c, { values, errors: parsed.errors }, 422);
    try {
      const created = await createStaffUser(deps, actor.email, parsed.data);
      return page(c, {
        notice: t('userCreated', { name: parsed.data.name }),
        inviteLink: created.inviteLink ? { name: parsed.data.name, link: created.inviteLink } : undefined,
      });
    } catch (error) {
      if (error instanceof AppError && error.status === 409)
        return page(c, { values, errors: { email: t('emailTaken') } }, 409);
      throw error;
    }
  });

  /** Loads the target user or 404s; guards against leaving no active admin. */
  const target = async (c: Context<AppEnv>) => {
    const id = Number(c.req.param('id'));
    const user = Number.isInteger(id) ? await getUser(deps.db.read, id) : undefined;
    if (!user) throw notFound();
    return user;
  };
  const wouldRemoveLastAdmin = async (userId: number, isAdmin: boolean) =>
    isAdmin &&
    (await countActiveAdmins(deps.db.read)) <= 1 &&
    (await getUser(deps.db.read, userId))?.disabledAt === null;

  app.post('/:id/role', async (c) => {
    const actor = currentUser(c);
    const user = await target(c);
    const role = z.enum(ROLES).safeParse(field(await readForm(c), 'role'));
    if (!role.success)
      throw new AppError(422, 'invalid', 'Unknown role.', [
        { path: ['role'], message: 'must be admin, lead or trainer' },
      ]);
    if (role.data !== 'admin' && (await wouldRemoveLastAdmin(user.id, user.role === 'admin')))
      return c.redirect('/admin/users?error=last-admin', 303);
    const now = deps.clock.nowMs();
    await deps.db.write(async (tx) => {
      await updateUser(tx, user.id, { role: role.data }, now);
      if (role.data !== 'trainer') await setTrainerTeams(tx, user.id, []);
      await deleteSessionsOfUser(tx, user.id);
      await recordAudit(tx, now, {
        actor: actor.email,
        action: 'user.role',
        subject: user.email,
        detail: { from: user.role, to: role.data },
      });
    });
    return c.redirect('/admin/users?saved=1', 303);
  });

  app.post('/:id/teams', async (c) => {
    const actor = currentUser(c);
    const user = await target(c);
    const known = new Set((await listTeams(deps.db.read)).map((team) => team.id));
    const teamIds = fieldList(await readForm(c), 'teamId', known.size)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
    const now = deps.clock.nowMs();
    await deps.db.write(async (tx) => {
      await setTrainerTeams(tx, user.id, user.role === 'trainer' ? teamIds.filter((id) => known.has(id)) : []);
      await recordAudit(tx, now, {
        actor: actor.email,
        action: 'user.teams',
        subject: user.email,
        detail: { teamIds },
      });
    });
    return c.redirect('/admin/users?saved=1', 303);
  });

  for (const action of ['disable', 'enable'] as const) {
    app.post(`/:id/${action}`, async (c) => {
      const actor = currentUser(c);
      const user = await target(c);
      if (action === 'disable' && (await wouldRemoveLastAdmin(user.id, user.role === 'admin')))
        return c.redirect('/admin/users?error=last-admin', 303);
      const now = deps.clock.nowMs();
      await deps.db.write(async (tx) => {
        await updateUser(tx, user.id, { disabledAt: action === 'disable' ? now : null }, now);
        if (action === 'disable') await deleteSessionsOfUser(tx, user.id);
        await recordAudit(tx, now, { actor: actor.email, action: `user.${action}`, subject: user.email });
      });
      return c.redirect('/admin/users?saved=1', 303);
    });
  }

  app.post('/:id/reset', async (c) => {
    const actor = currentUser(c);
    const user = await target(c);
    const link = await issuePasswordReset(deps, actor.email, user.id, user.email);
    return page(c, { inviteLink: { name: user.name, link } });
  });

  return app;
}
