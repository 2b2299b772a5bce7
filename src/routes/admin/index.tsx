import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { requireRole } from '../../middleware/session';
import { auditAdminRoutes } from './audit';
import { userAdminRoutes } from './users';
import { apiKeyAdminRoutes } from './api-keys';
import { repAdminRoutes } from './reps';
import { outboxAdminRoutes } from './outbox';
import { ruleAdminRoutes } from './rules';
import { suppressionAdminRoutes } from './suppressions';
import { importAdminRoutes } from './imports';
import { privacyAdminRoutes } from './privacy';
import { setupAdminRoutes } from './setup';
import { loadSetupChecklist } from '../../domain/setup-checklist';
import { teamAdminRoutes } from './teams';
import { skillAdminRoutes } from './skills';
import { contentAdminRoutes } from './content';
import { mailAdminRoutes } from './mail';
import { surveyPreviewRoutes } from './survey-preview';
import { webhookAdminRoutes } from './webhooks';

/** /admin: admins only, every route and fragment below. */
export function adminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', requireRole('admin'));
  // Until setup is done, /admin opens the checklist; afterwards the people page.
  app.get('/', async (c) =>
    c.redirect((await loadSetupChecklist(deps)).complete ? '/admin/users' : '/admin/setup', 303),
  );
  app.route('/setup', setupAdminRoutes(deps));
  app.route('/users', userAdminRoutes(deps));
  app.route('/teams', teamAdminRoutes(deps));
  app.route('/api-keys', apiKeyAdminRoutes(deps));
  app.route('/webhooks', webhookAdminRoutes(deps));
  app.route('/reps', repAdminRoutes(deps));
  app.route('/skills', skillAdminRoutes(deps));
  app.route('/content', contentAdminRoutes(deps));
  app.route('/mail', mailAdminRoutes(deps));
  app.route('/outbox', outboxAdminRoutes(deps));
  app.route('/rules/preview', surveyPreviewRoutes(deps));
  app.route('/rules', ruleAdminRoutes(deps));
  app.route('/suppressions', suppressionAdminRoutes(deps));
  app.route('/imports', importAdminRoutes(deps));
  app.route('/privacy', privacyAdminRoutes(deps));
  app.route('/audit', auditAdminRoutes(deps));
  return app;
}
