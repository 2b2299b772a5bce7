import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { SetupPage } from '../../../views/pages/admin/setup';
import { renderHtml } from '../../lib/render';
import { staffT } from '../../lib/i18n/staff';
import { currentUser } from '../../middleware/session';
import { loadSetupChecklist } from '../../domain/setup-checklist';

/** /admin/setup: the first-hour checklist. */
export function setupAdminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const user = currentUser(c);
    return renderHtml(c, <SetupPage t={staffT(user.locale)} user={user} checklist={await loadSetupChecklist(deps)} />);
  });
  return app;
}
