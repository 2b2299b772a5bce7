import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../context';
import { PrivacyPage, type PrivacyPageProps } from '../../../views/pages/admin/privacy';
import { renderHtml } from '../../lib/render';
import { readForm, field } from '../../lib/forms';
import { staffT } from '../../lib/i18n/staff';
import { currentUser } from '../../middleware/session';
import { email as emailSchema } from '../../domain/inputs';
import { eraseCustomer, applyRetention } from '../../domain/privacy';
import { getSettings } from '../../domain/settings';
import { saveSetting } from '../../../db/queries/settings';
import { recordAudit } from '../../../db/queries/audit';

export function privacyAdminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const page = async (c: Context<AppEnv>, extra: Partial<PrivacyPageProps> = {}, status: 200 | 422 = 200) => {
    const user = currentUser(c);
    const settings = await getSettings(deps.db.read);
    const t = staffT(user.locale);
    const notice = extra.notice ?? (c.req.query('saved') ? t('retentionSaved') : undefined);
    return renderHtml(
      c,
      <PrivacyPage t={t} user={user} retentionMonths={settings.retentionMonths} {...extra} notice={notice} />,
      status,
    );
  };

  app.get('/', (c) => page(c));

  app.post('/erase', async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const form = await readForm(c);
    const parsed = emailSchema.safeParse(field(form, 'email') ?? '');
    const confirmed = field(form, 'confirm') === 'yes';
    if (!parsed.success || !confirmed) {
      const errors: Record<string, string> = {};
      if (!parsed.success) errors.email = parsed.error.issues[0]?.message ?? 'invalid';
      if (!confirmed) errors.confirm = t('eraseConfirmMissing');
      return page(c, { errors, email: field(form, 'email') }, 422);
    }
    const report = await deps.db.write((tx) => eraseCustomer(tx, parsed.data, user.email, deps.clock.nowMs()));
    const notice = report.found
      ? t('eraseDone', {
          email: parsed.data,
          responses: report.responses,
          invitations: report.invitations,
          outbox: report.outbox,
          comments: report.comments,
          interactions: report.interactions,
        })
      : t('eraseNothing', { outbox: report.outbox, comments: report.comments });
    return page(c, { notice });
  });

  app.post('/retention', async (c) => {
    const user = currentUser(c);
    const raw = (field(await readForm(c), 'months') ?? '').trim();
    const parsed =
      raw === '' ? { success: true as const, data: null } : z.coerce.number().int().min(1).max(600).safeParse(raw);
    if (!parsed.success) return page(c, { errors: { months: staffT(user.locale)('retentionInvalid') } }, 422);
    const now = deps.clock.nowMs();
    await deps.db.write(async (tx) => {
      await saveSetting(tx, 'retentionMonths', parsed.data, now);
      await recordAudit(tx, now, { actor: user.email, action: 'settings.retention', detail: { months: parsed.data } });
    });
    return c.redirect('/admin/privacy?saved=1', 303);
  });

  app.post('/retention/apply', async (c) => {
    const user = currentUser(c);
    const { retentionMonths } = await getSettings(deps.db.read);
    if (retentionMonths === null) return c.redirect('/admin/privacy', 303);
    const report = await deps.db.write((tx) => applyRetention(tx, retentionMonths, user.email, deps.clock.nowMs()));
    return page(c, {
      notice: staffT(user.locale)('retentionApplied', {
        responses: report.anonymisedResponses,
        interactions: report.detachedInteractions,
        customers: report.deletedCustomers,
      }),
    });
  });

  return app;
}
