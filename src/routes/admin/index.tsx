import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { requireRole, currentUser } from '../../middleware/session';
import { renderHtml } from '../../lib/render';
import { staffT } from '../../lib/i18n/staff';
import { AuditPage } from '../../../views/pages/admin/audit';
import { listAudit } from '../../../db/queries/audit';
import { userAdminRoutes } from './users';
import { apiKeyAdminRoutes } from './api-keys';
import { repAdminRoutes } from './reps';
import { outboxAdminRoutes } from './outbox';
import { ruleAdminRoutes } from './rules';
import { suppressionAdminRoutes } from './suppressions';
import { importAdminRoutes } from './imports';
import { privacyAdminRoutes } from './privacy';

/** /admin: admins only, every route and fragment below. */
export function adminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', requireRole('admin'));
  app.get('/', (c) => c.redirect('/admin/users', 303));
  app.route('/users', userAdminRoutes(deps));
  app.route('/api-keys', apiKeyAdminRoutes(deps));
  app.route('/reps', repAdminRoutes(deps));
  app.route('/outbox', outboxAdminRoutes(deps));
  app.route('/rules', ruleAdminRoutes(deps));
  app.route('/suppressions', suppressionAdminRoutes(deps));
  app.route('/imports', importAdminRoutes(deps));
  app.route('/privacy', privacyAdminRoutes(deps));
  app.get('/audit', async (c) => {
    const user = currentUser(c);
    return renderHtml(c, <AuditPage t={staffT(user.locale)} user={user} rows={await listAudit(deps.db.read)} />);
  });
  return app;
}
