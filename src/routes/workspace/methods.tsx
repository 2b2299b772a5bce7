/** GET /methods — the Methods page every analysis page links to (every staff role; no data, only words). */
import { Hono } from 'hono';
import type { AppEnv } from '../../context';
import { currentUser, requireRole } from '../../middleware/session';
import { renderHtml } from '../../lib/render';
import { staffT } from '../../lib/i18n/staff';
import { MethodsPage } from '../../../views/pages/analysis/methods';

export function methodsRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/methods', requireRole('admin', 'lead', 'trainer'), (c) => {
    const user = currentUser(c);
    return renderHtml(c, <MethodsPage t={staffT(user.locale)} user={user} />);
  });
  return app;
}
