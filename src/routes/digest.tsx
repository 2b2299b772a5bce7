/**
 * The weekly digest's routes (issue 17): a staff member opts in or out on their account page
 * (POST /account/digest), an admin sets the organisation's time zone (/admin/digest), and the
 * e-mail's unsubscribe link (/digest/unsubscribe/<token>, hashed at rest; GET asks, POST does)
 * works without signing in.
 */
import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../context';
import { currentUser, requireRole } from '../middleware/session';
import { renderHtml } from '../lib/render';
import { readForm, field } from '../lib/forms';
import { staffT } from '../lib/i18n/staff';
import { hashToken, isWellFormedToken } from '../lib/tokens';
import { assertUnderFailureLimit, recordFailures } from '../middleware/rate-limit';
import { getSettings } from '../domain/settings';
import { isTimeZone } from '../domain/digest-schedule';
import { saveSetting } from '../../db/queries/settings';
import { recordAudit } from '../../db/queries/audit';
import {
  findDigestUnsubscribe,
  isDigestSubscriber,
  listDigestRecipients,
  subscribeDigest,
  unsubscribeDigest,
} from '../../db/queries/digest';
import { AdminDigestPage, DigestUnsubscribePage } from '../../views/pages/digest';
import { SurveyOutcomePage } from '../../views/pages/survey';
import { surveyT } from '../lib/i18n/survey';

/** What the account page shows of the digest. */
export async function accountDigest(deps: AppDeps, userId: number) {
  const [subscribed, { timeZone }] = await Promise.all([
    isDigestSubscriber(deps.db.read, userId),
    getSettings(deps.db.read),
  ]);
  return { subscribed, timeZone };
}

export function digestRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.post('/account/digest', requireRole('admin', 'lead', 'trainer'), async (c) => {
    const user = currentUser(c);
    const on = field(await readForm(c), 'digest') === 'on';
    const now = deps.clock.nowMs();
    await deps.db.write(async (tx) => {
      if (on) await subscribeDigest(tx, user.id, now);
      else await unsubscribeDigest(tx, user.id);
      await recordAudit(tx, now, { actor: user.email, action: on ? 'digest.subscribe' : 'digest.unsubscribe' });
    });
    return c.redirect(`/account?saved=${on ? 'digest-on' : 'digest-off'}`, 303);
  });

  const adminPage = async (c: Context<AppEnv>, extra: { notice?: string; error?: string; value?: string } = {}) => {
    const user = currentUser(c);
    const [{ timeZone }, subscribers] = await Promise.all([
      getSettings(deps.db.read),
      listDigestRecipients(deps.db.read),
    ]);
    return renderHtml(
      c,
      <AdminDigestPage
        t={staffT(user.locale)}
        user={user}
        timeZone={extra.value ?? timeZone}
        subscribers={subscribers.length}
        notice={extra.notice}
        error={extra.error}
      />,
      extra.error ? 422 : 200,
    );
  };

  app.get('/admin/digest', requireRole('admin'), (c) =>
    adminPage(c, c.req.query('saved') ? { notice: staffT(currentUser(c).locale)('digestZoneSaved') } : {}),
  );

  app.post('/admin/digest', requireRole('admin'), async (c) => {
    const user = currentUser(c);
    const value = (field(await readForm(c), 'timeZone') ?? '').trim();
    if (!isTimeZone(value)) return adminPage(c, { error: staffT(user.locale)('digestZoneInvalid'), value });
    const now = deps.clock.nowMs();
    await deps.db.write(async (tx) => {
      await saveSetting(tx, 'timeZone', value, now);
      await recordAudit(tx, now, { actor: user.email, action: 'settings.time-zone', detail: { timeZone: value } });
    });
    return c.redirect('/admin/digest?saved=1', 303);
  });

  /** The digest a token was sent with; an unknown token counts as a failure of the address, as on /u/. */
  const find = async (c: Context<AppEnv>) => {
    const token = c.req.param('token') ?? '';
    const found = isWellFormedToken(token) ? await findDigestUnsubscribe(deps.db.read, hashToken(token)) : undefined;
    if (found) return { token, found };
    const address = c.get('clientAddress');
    await assertUnderFailureLimit(deps, 'token-address', address);
    await recordFailures(deps, [['token-address', address]]);
    return { token, found: undefined };
  };
  const notFound = (c: Context) =>
    renderHtml(c, <SurveyOutcomePage t={surveyT('en')} locale="en" outcome="not-found" />, 404);

  app.get('/digest/unsubscribe/:token', async (c) => {
    c.header('Cache-Control', 'no-store');
    const { token, found } = await find(c);
    if (!found) return notFound(c);
    const t = staffT(found.locale);
    return renderHtml(
      c,
      <DigestUnsubscribePage t={t} lang={found.locale} token={token} email={found.email} done={!found.subscribed} />,
    );
  });

  app.post('/digest/unsubscribe/:token', async (c) => {
    c.header('Cache-Control', 'no-store');
    const { token, found } = await find(c);
    if (!found) return notFound(c);
    if (found.subscribed) {
      const now = deps.clock.nowMs();
      await deps.db.write(async (tx) => {
        await unsubscribeDigest(tx, found.userId);
        await recordAudit(tx, now, { actor: found.email, action: 'digest.unsubscribe', detail: { via: 'link' } });
      });
    }
    return renderHtml(
      c,
      <DigestUnsubscribePage t={staffT(found.locale)} lang={found.locale} token={token} email={found.email} done />,
    );
  });

  return app;
}
