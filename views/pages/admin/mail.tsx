import { StaffLayout, Flash } from '../../layout';
import { TextField, Card } from '../../components/form';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import type { MailSettingsView } from '../../../src/domain/mail-settings';
import { AdminNav } from './nav';

/** The form's values as shown: the saved ones, or what was posted when it is shown again with errors. */
type MailFormValues = Pick<MailSettingsView, 'smtpUrl' | 'senderName' | 'senderAddress' | 'replyTo' | 'logoUrl'>;

export interface MailSettingsPageProps {
  t: StaffT;
  user: SessionUser;
  baseUrl: string;
  settings: MailSettingsView;
  values?: MailFormValues | undefined;
  errors?: Record<string, string> | undefined;
  notice?: { kind: 'ok' | 'error'; text: string } | undefined;
}

const defaultHint = (t: StaffT, value: string) => (value ? t('mailDefault', { value }) : t('mailNoDefault'));

export function MailSettingsPage({ t, user, baseUrl, settings: s, values, errors, notice }: MailSettingsPageProps) {
  const v = values ?? s;
  return (
    <StaffLayout title={t('adminMail')} t={t} lang={user.locale} user={user} currentPath="/admin/mail">
      <AdminNav t={t} current="/admin/mail" />
      <h1>{t('adminMail')}</h1>
      <p>{t('mailSettingsIntro')}</p>
      {notice && (
        <Flash kind={notice.kind}>
          <span data-mail-notice={notice.kind}>{notice.text}</span>
        </Flash>
      )}
      <div class="grid-2">
        <Card title={t('adminMail')}>
          <form method="post" action="/admin/mail" class="stack">
            <TextField
              name="smtpUrl"
              label={t('mailSmtpUrl')}
              value={v.smtpUrl}
              error={errors?.smtpUrl}
              hint={`${t('mailSmtpUrlHint')} ${defaultHint(t, s.defaults.smtpUrl)}`}
              autocomplete="off"
            />
            {!s.canSaveSecrets && <Flash kind="info">{t('mailNoSecretsKey')}</Flash>}
            <TextField
              name="smtpPassword"
              label={t('mailSmtpPassword')}
              type="password"
              error={errors?.smtpPassword}
              hint={s.passwordSet ? t('mailPasswordSet') : t('mailPasswordNotSet')}
              autocomplete="new-password"
            />
            {s.passwordSet && (
              <div class="field">
                <label>
                  <input type="checkbox" name="clearPassword" value="yes" /> {t('mailClearPassword')}
                </label>
              </div>
            )}
            <TextField
              name="senderName"
              label={t('mailSenderName')}
              value={v.senderName}
              error={errors?.senderName}
              hint={`${t('mailSenderNameHint')} ${defaultHint(t, s.defaults.senderName)}`}
            />
            <TextField
              name="senderAddress"
              label={t('mailSenderAddress')}
              type="email"
              value={v.senderAddress}
              error={errors?.senderAddress}
              hint={defaultHint(t, s.defaults.senderAddress)}
            />
            <TextField
              name="replyTo"
              label={t('mailReplyTo')}
              type="email"
              value={v.replyTo}
              error={errors?.replyTo}
              hint={t('mailNoDefault')}
            />
            <TextField
              name="logoUrl"
              label={t('mailLogoUrl')}
              value={v.logoUrl}
              error={errors?.logoUrl}
              hint={t('mailLogoUrlHint', { baseUrl })}
            />
            <button type="submit">{t('save')}</button>
          </form>
        </Card>
        <Card title={t('mailTestTitle')}>
          <p class="hint">{t('mailTestHint', { email: user.email })}</p>
          <form method="post" action="/admin/mail/test" class="stack">
            <button type="submit" class="secondary">
              {t('mailTestButton')}
            </button>
          </form>
        </Card>
      </div>
    </StaffLayout>
  );
}
