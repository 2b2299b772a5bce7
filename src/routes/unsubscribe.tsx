/**
 * /u/<token>: unsubscribe. GET shows a confirming form (scanners must not opt anyone out);
 * POST — from that form or a mail client's RFC 8058 one-click — opts the customer out.
 * The token never expires; it is authorised by itself (no origin check).
 */
import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../context';
import { LOCALES } from '../../db/schema';
import { getInvitationByTokenHash } from '../../db/queries/invitations';
import { hashToken, isWellFormedToken } from '../lib/tokens';
import { renderHtml } from '../lib/render';
import { surveyT } from '../lib/i18n/survey';
import { localeFromAcceptLanguage } from '../lib/i18n';
import { assertUnderFailureLimit, recordFailures } from '../middleware/rate-limit';
import { SurveyOutcomePage } from '../../views/pages/survey';
import { UnsubscribePage } from '../../views/pages/unsubscribe';
import { optOut } from '../domain/opt-out';

export function unsubscribeRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  const find = async (c: Context<AppEnv>) => {
    const token = c.req.param('token') ?? '';
    const found = isWellFormedToken(token) ? await getInvitationByTokenHash(deps.db.read, hashToken(token)) : undefined;
    if (found?.purpose === 'unsubscribe' && found.customer?.id != null)
      return { token, found, customer: { ...found.customer, id: found.customer.id } };
    const address = c.get('clientAddress');
    await assertUnderFailureLimit(deps, 'token-address', address);
    await recordFailures(deps, [['token-address', address]]);
    return { token, found: undefined, customer: undefined };
  };

  const notFound = (c: Context) => {
    const locale = localeFromAcceptLanguage(c.req.header('Accept-Language'), LOCALES) ?? 'en';
    return renderHtml(c, <SurveyOutcomePage t={surveyT(locale)} locale={locale} outcome="not-found" />, 404);
  };

  app.get('/:token', async (c) => {
    const { token, found, customer } = await find(c);
    if (!found || !customer) return notFound(c);
    const locale = found.invitation.locale;
    return renderHtml(
      c,
      <UnsubscribePage
        t={surveyT(locale)}
        locale={locale}
        token={token}
        email={customer.email}
        done={customer.optedOutAt !== null}
      />,
    );
  });

  app.post('/:token', async (c) => {
    const { token, found, customer } = await find(c);
    if (!found || !customer) return notFound(c);
    if (customer.optedOutAt === null) {
      const now = deps.clock.nowMs();
      await deps.db.write((tx) => optOut(tx, customer, now));
    }
    const locale = found.invitation.locale;
    return renderHtml(
      c,
      <UnsubscribePage t={surveyT(locale)} locale={locale} token={token} email={customer.email} done />,
    );
  });

  return app;
}
