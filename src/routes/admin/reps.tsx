import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { AdminRepsPage } from '../../../views/pages/admin/reps';
import { renderHtml } from '../../lib/render';
import { staffT } from '../../lib/i18n/staff';
import { notFound } from '../../lib/errors';
import { currentUser } from '../../middleware/session';
import { listRepsWithTeams, setRepExcluded } from '../../../db/queries/reps';
import { recordAudit } from '../../../db/queries/audit';

export function repAdminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const user = currentUser(c);
    const reps = await listRepsWithTeams(deps.db.read, { kind: 'all' });
    return renderHtml(c, <AdminRepsPage t={staffT(user.locale)} user={user} reps={reps} />);
  });
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
