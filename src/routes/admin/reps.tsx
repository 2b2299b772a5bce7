import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { AdminRepsPage, type AdminRepsPageProps } from '../../../views/pages/admin/reps';
import { renderHtml } from '../../lib/render';
import { readForm, field, parseWith } from '../../lib/forms';
import { staffT } from '../../lib/i18n/staff';
import { notFound } from '../../lib/errors';
import { currentUser } from '../../middleware/session';
import { listRepsWithTeams, listTeams, setRepExcluded } from '../../../db/queries/reps';
import { createRep, getRep, updateRep } from '../../../db/queries/admin-records';
import { recordAudit } from '../../../db/queries/audit';
import { idParam, repForm, savedNotice } from './record-forms';

/** /admin/reps: every rep, add and edit one (with its team), exclude from or include in surveys. */
export function repAdminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  const page = async (
    c: Context<AppEnv>,
    extra: Partial<Omit<AdminRepsPageProps, 't' | 'user' | 'reps' | 'teams'>> = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const [reps, teams] = await Promise.all([
      listRepsWithTeams(deps.db.read, { kind: 'all' }),
      listTeams(deps.db.read),
    ]);
    const done = savedNotice(c);
    const named = done && reps.find((r) => String(r.id) === done.id);
    const notice = named ? t(done.kind === 'created' ? 'repCreated' : 'repSaved', { name: named.name }) : undefined;
    return renderHtml(
      c,
      <AdminRepsPage t={t} user={user} reps={reps} teams={teams} notice={notice} {...extra} />,
      status,
    );
  };

  const save = async (c: Context<AppEnv>, editing?: NonNullable<AdminRepsPageProps['editing']>) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const form = await readForm(c);
    const values = { name: field(form, 'name'), email: field(form, 'email'), teamId: field(form, 'teamId') ?? '' };
    const parsed = parseWith(repForm, values);
    if (!parsed.ok) return page(c, { editing, values, errors: parsed.errors }, 422);
    const rep = parsed.data;
    const teams = await listTeams(deps.db.read);
    if (rep.teamId !== null && !teams.some((x) => x.id === rep.teamId))
      return page(c, { editing, values, errors: { teamId: t('unknownTeam') } }, 422);
    const now = deps.clock.nowMs();
    const result = await deps.db.write(async (tx) => {
      const saved = editing ? await updateRep(tx, editing.id, rep, now) : await createRep(tx, rep, now);
      if (saved.ok)
        await recordAudit(tx, now, {
          actor: user.email,
          action: editing ? 'rep.update' : 'rep.create',
          subject: rep.email,
          detail: editing
            ? { id: editing.id, from: { name: editing.name, email: editing.email, teamId: editing.teamId } }
            : { id: saved.id, teamId: rep.teamId },
        });
      return saved;
    });
    if (!result.ok) return page(c, { editing, values, errors: { email: t('repEmailTaken') } }, 409);
    return c.redirect(`/admin/reps?${editing ? 'saved' : 'created'}=${result.id}`, 303);
  };

  const target = async (c: Context<AppEnv>) => {
    const rep = await getRep(deps.db.read, idParam(c));
    if (!rep) throw notFound();
    return rep;
  };

  app.get('/', (c) => page(c));
  app.post('/', (c) => save(c));
  app.get('/:id/edit', async (c) => page(c, { editing: await target(c) }));
  app.post('/:id', async (c) => save(c, await target(c)));

  for (const action of ['exclude', 'include'] as const) {
    app.post(`/:id/${action}`, async (c) => {
      const user = currentUser(c);
      const id = Number(c.req.param('id'));
      const now = deps.clock.nowMs();
      const ok = await deps.db.write(async (tx) => {
        const changed = Number.isInteger(id) && (await setRepExcluded(tx, id, action === 'exclude', now));
        if (changed) await recordAudit(tx, now, { actor: user.email, action: `rep.${action}`, subject: String(id) });
        return changed;
      });
      if (!ok) throw notFound();
      return c.redirect('/admin/reps', 303);
    });
  }
  return app;
}
