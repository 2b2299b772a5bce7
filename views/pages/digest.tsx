/** The weekly digest's pages: the admin's time zone setting and the unsubscribe confirmation (issue 17). */
import { StaffLayout, PublicLayout, Flash } from '../layout';
import { TextField, Card } from '../components/form';
import type { StaffT } from '../../src/lib/i18n/staff';
import type { SessionUser } from '../../src/context';
import { AdminNav } from './admin/nav';

export interface AdminDigestPageProps {
  t: StaffT;
  user: SessionUser;
  timeZone: string;
  subscribers: number;
  notice?: string | undefined;
  error?: string | undefined;
}

export function AdminDigestPage({ t, user, timeZone, subscribers, notice, error }: AdminDigestPageProps) {
  return (
    <StaffLayout title={t('digestZoneTitle')} t={t} lang={user.locale} user={user} currentPath="/admin/digest">
      <AdminNav t={t} current="/admin/digest" />
      <h1>{t('digestZoneTitle')}</h1>
      <p data-testid="digest-subscribers">{t('digestSubscribers', { n: subscribers })}</p>
      {notice && <Flash kind="ok">{notice}</Flash>}
      <Card>
        <form method="post" action="/admin/digest" class="stack">
          <TextField
            name="timeZone"
            label={t('digestZoneLabel')}
            hint={t('digestZoneHint')}
            value={timeZone}
            error={error}
            required
          />
          <button type="submit">{t('save')}</button>
        </form>
      </Card>
    </StaffLayout>
  );
}

export interface DigestUnsubscribePageProps {
  t: StaffT;
  lang: string;
  token: string;
  email: string;
  done: boolean;
}

/** GET shows the question (link scanners must not unsubscribe anyone); the form's POST answers it. */
export function DigestUnsubscribePage({ t, lang, token, email, done }: DigestUnsubscribePageProps) {
  return (
    <PublicLayout title={t('digestUnsubTitle')} lang={lang} outcome={done ? 'unsubscribed' : 'confirm'}>
      <h1>{t('digestUnsubTitle')}</h1>
      {done ? (
        <p role="status">{t('digestUnsubDone')}</p>
      ) : (
        <form method="post" action={`/digest/unsubscribe/${token}`} class="stack">
          <p>{t('digestUnsubConfirm', { email })}</p>
          <button type="submit">{t('digestUnsubButton')}</button>
        </form>
      )}
    </PublicLayout>
  );
}
