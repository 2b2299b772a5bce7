import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { TeamsPage, type TeamsPageProps } from '../../../views/pages/admin/teams';
import { renderHtml } from '../../lib/render';
import { readForm, field, parseWith } from '../../lib/forms';
import { staffT } from '../../lib/i18n/staff';
import { notFound } from '../../lib/errors';
import { currentUser } from '../../middleware/session';
import { createTeam, getTeam, listTeamsWithRepCounts, renameTeam } from '../../../db/queries/admin-records';
import { recordAudit } from '../../../db/queries/audit';
import { idParam, savedNotice, teamForm } from './record-forms';

/** /admin/teams: the teams, one form to add a team and the same form to rename one. */
export function teamAdminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  const page = async (
    c: Context<AppEnv>,
    extra: Partial<Omit<TeamsPageProps, 't' | 'user' | 'teams'>> = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const teams = await listTeamsWithRepCounts(deps.db.read);
    const done = savedNotice(c);
    const named = done && teams.find((x) => String(x.id) === done.id);
    const notice = named ? t(done.kind === 'created' ? 'teamCreated' : 'teamSaved', { name: named.name }) : undefined;
    return renderHtml(c, <TeamsPage t={t} user={user} teams={teams} notice={notice} {...extra} />, status);
  };

  const save = async (c: Context<AppEnv>, editing?: { id: number; name: string }) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const values = { name: field(await readForm(c), 'name') };
    const parsed = parseWith(teamForm, values);
    if (!parsed.ok) return page(c, { editing, values, errors: parsed.errors }, 422);
    const { name } = parsed.data;
    const now = deps.clock.nowMs();
    const result = await deps.db.write(async (tx) => {
      const saved = editing ? await renameTeam(tx, editing.id, name) : await createTeam(tx, name, now);
      if (saved.ok)
        await recordAudit(tx, now, {
          actor: user.email,
          action: editing ? 'team.update' : 'team.create',
          subject: name,
          detail: editing ? { id: editing.id, from: editing.name } : { id: saved.id },
        });
      return saved;
    });
    if (!result.ok) return page(c, { editing, values, errors: { name: t('teamNameTaken') } }, 409);
    return c.redirect(`/admin/teams?${editing ? 'saved' : 'created'}=${result.id}`, 303);
  };

  const target = async (c: Context<AppEnv>) => {
    const team = await getTeam(deps.db.read, idParam(c));
    if (!team) throw notFound();
    return team;
  };

  app.get('/', (c) => page(c));
  app.post('/', (c) => save(c));
  app.get('/:id/edit', async (c) => page(c, { editing: await target(c) }));
  app.post('/:id', async (c) => save(c, await target(c)));
  return app;
}
