import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../context';
import { SurveyPreviewPage } from '../../../views/pages/admin/survey-preview';
import { SurveyForm } from '../../../views/pages/survey';
import { renderHtml } from '../../lib/render';
import { parseWith } from '../../lib/forms';
import { staffT } from '../../lib/i18n/staff';
import { surveyT } from '../../lib/i18n/survey';
import { currentUser } from '../../middleware/session';
import { getRules } from '../../domain/survey-rules';
import { getEffectiveMail } from '../../domain/mail-settings';
import { fillSenderName, renderSurveyMessage } from '../../mail/render';
import { INTERACTION_TYPES } from '../../../db/schema';
import { LOCALES } from '../../lib/vocabulary';

const choice = z.object({
  type: z.enum(INTERACTION_TYPES, { error: `must be one of ${INTERACTION_TYPES.join(', ')}` }),
  lang: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` }),
});

/** A well-formed token that no invitation has: the preview's links lead nowhere. */
const FAKE_TOKEN = 'preview'.padEnd(43, '0');
const SAMPLE = { repName: 'Ana Ruiz', customerName: 'Alex' };
const DAY_MS = 86_400_000;

/** The e-mail is its own document: its inline styles are allowed there only, nothing runs, and only our pages may frame it. */
const EMAIL_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";
/** The app's policy, but framed by our own pages, and the disabled form posts nowhere. */
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'self'; base-uri 'none'; object-src 'none'";

/** /admin/rules/preview: the survey per interaction type and language, as the customer sees it (page and e-mail). */
export function surveyPreviewRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const chosen = (c: Context<AppEnv>) => {
    const values = { type: c.req.query('type') ?? 'call', lang: c.req.query('lang') ?? 'en' };
    return { values, parsed: parseWith(choice, values) };
  };
  const refuse = (c: Context<AppEnv>, errors: Record<string, string>) =>
    c.text(
      Object.entries(errors)
        .map(([name, message]) => `${name}: ${message}`)
        .join('\n'),
      422,
    );

  app.get('/', (c) => {
    const user = currentUser(c);
    const { values, parsed } = chosen(c);
    const query = parsed.ok ? new URLSearchParams(parsed.data).toString() : undefined;
    const errors = parsed.ok ? undefined : parsed.errors;
    return renderHtml(
      c,
      <SurveyPreviewPage t={staffT(user.locale)} user={user} values={values} errors={errors} query={query} />,
      parsed.ok ? 200 : 422,
    );
  });

  app.get('/email', async (c) => {
    const { parsed } = chosen(c);
    if (!parsed.ok) return refuse(c, parsed.errors);
    const { type, lang } = parsed.data;
    const rule = (await getRules(deps.db.read)).get(type);
    const { from, logoUrl } = await getEffectiveMail(deps);
    const now = deps.clock.nowMs();
    const message = renderSurveyMessage({
      kind: 'invitation',
      baseUrl: deps.config.baseUrl,
      mailFrom: from,
      locale: lang,
      customerName: SAMPLE.customerName,
      repName: SAMPLE.repName,
      interactionType: type,
      occurredAt: now - 3_600_000,
      expiresAt: now + (rule?.expiryDays ?? 14) * DAY_MS,
      surveyToken: FAKE_TOKEN,
      unsubscribeToken: FAKE_TOKEN,
    });
    c.header('Content-Security-Policy', EMAIL_CSP);
    return c.html(fillSenderName(message.htmlBody, from, 'html', logoUrl));
  });

  app.get('/page', async (c) => {
    const user = currentUser(c);
    const { parsed } = chosen(c);
    if (!parsed.ok) return refuse(c, parsed.errors);
    const { type, lang } = parsed.data;
    const rule = (await getRules(deps.db.read)).get(type);
    const t = surveyT(lang);
    c.header('Content-Security-Policy', PAGE_CSP);
    return renderHtml(
      c,
      <SurveyForm
        t={t}
        locale={lang}
        langInUrl={true}
        token={FAKE_TOKEN}
        repName={SAMPLE.repName}
        about={t(`about_${type}`, { rep: SAMPLE.repName })}
        questions={rule?.questions ?? []}
        required={rule?.required ?? []}
        values={{}}
        errors={{}}
        preview={{
          langHref: (l) => `/admin/rules/preview/page?${new URLSearchParams({ type, lang: l })}`,
          notice: staffT(user.locale)('previewDisabled'),
        }}
      />,
    );
  });

  return app;
}
