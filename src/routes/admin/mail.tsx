import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { MailSettingsPage, type MailSettingsPageProps } from '../../../views/pages/admin/mail';
import { renderHtml } from '../../lib/render';
import { readForm, field, parseWith } from '../../lib/forms';
import { staffT } from '../../lib/i18n/staff';
import { currentUser } from '../../middleware/session';
import { getEffectiveMail, getMailSettingsView, mailSettingsInput, saveMailSettings } from '../../domain/mail-settings';
import { sendTestMessage } from '../../mail/transport';
import { recordAudit } from '../../../db/queries/audit';

const FIELDS = [
  'smtpUrl',
  'smtpPassword',
  'clearPassword',
  'senderName',
  'senderAddress',
  'replyTo',
  'logoUrl',
] as const;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** /admin/mail: the SMTP server and sender (environment values as defaults), and a test e-mail. */
export function mailAdminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const schema = mailSettingsInput(deps.config.baseUrl);

  const page = async (
    c: Context<AppEnv>,
    extra: Partial<Pick<MailSettingsPageProps, 'values' | 'errors' | 'notice'>> = {},
    status: 200 | 422 = 200,
  ) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const settings = await getMailSettingsView(deps);
    const notice = extra.notice ?? (c.req.query('saved') ? { kind: 'ok' as const, text: t('mailSaved') } : undefined);
    return renderHtml(
      c,
      <MailSettingsPage
        t={t}
        user={user}
        baseUrl={deps.config.baseUrl}
        settings={settings}
        {...extra}
        notice={notice}
      />,
      status,
    );
  };

  app.get('/', (c) => page(c));

  app.post('/', async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const form = await readForm(c);
    const raw = Object.fromEntries(FIELDS.map((name) => [name, field(form, name) ?? '']));
    // Kept on a 422, without the password (never echoed back).
    const values = {
      smtpUrl: (raw.smtpUrl ?? '').replace(/(\/\/[^:/@\s]*:)[^@/\s]*@/, '$1@').replace(':@', '@'),
      senderName: raw.senderName ?? '',
      senderAddress: raw.senderAddress ?? '',
      replyTo: raw.replyTo ?? '',
      logoUrl: raw.logoUrl ?? '',
    };
    const parsed = parseWith(schema, raw);
    if (!parsed.ok) return page(c, { values, errors: parsed.errors }, 422);
    const saved = await saveMailSettings(deps, parsed.data, user.email);
    if (!saved.ok) return page(c, { values, errors: { [saved.field]: t('mailNoSecretsKey') } }, 422);
    return c.redirect('/admin/mail?saved=1', 303);
  });

  app.post('/test', async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const mail = await getEffectiveMail(deps);
    if (!mail.smtpUrl) return page(c, { notice: { kind: 'error', text: t('mailTestNoSmtp') } });
    let notice: NonNullable<MailSettingsPageProps['notice']>;
    let outcome: Record<string, string>;
    try {
      const answer = await sendTestMessage(mail.smtpUrl, {
        from: mail.from,
        replyTo: mail.replyTo,
        to: user.email,
        subject: t('mailTestSubject'),
        text: t('mailTestBody', { baseUrl: deps.config.baseUrl }),
        html: `<p>${t('mailTestBody', { baseUrl: deps.config.baseUrl }).replace(/[&<>]/g, (ch) => `&#${ch.charCodeAt(0)};`)}</p>`,
      });
      notice = { kind: 'ok', text: t('mailTestSent', { answer }) };
      outcome = { answer };
    } catch (error) {
      notice = { kind: 'error', text: t('mailTestFailed', { error: errorText(error) }) };
      outcome = { error: errorText(error) };
    }
    const now = deps.clock.nowMs();
    await deps.db.write((tx) =>
      recordAudit(tx, now, { actor: user.email, action: 'mail.test', subject: user.email, detail: outcome }),
    );
    return page(c, { notice });
  });

  return app;
}
