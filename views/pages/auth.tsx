import { PublicLayout, StaffLayout, Flash } from '../layout';
import { TextField, SelectField, Card } from '../components/form';
import type { StaffT } from '../../src/lib/i18n/staff';
import type { SessionUser } from '../../src/context';

export interface LoginPageProps {
  t: StaffT;
  lang: string;
  next: string;
  email?: string;
  error?: string | undefined;
  notice?: string | undefined;
}

export function LoginPage({ t, lang, next, email, error, notice }: LoginPageProps) {
  return (
    <PublicLayout title={`${t('loginTitle')} · ${t('appName')}`} lang={lang}>
      <h1>{t('loginTitle')}</h1>
      <p>{t('loginIntro')}</p>
      {notice && <Flash kind="info">{notice}</Flash>}
      {error && <Flash kind="error">{error}</Flash>}
      <form method="post" action="/login" class="stack">
        <input type="hidden" name="next" value={next} />
        <TextField name="email" label={t('email')} type="email" value={email} required autocomplete="username" />
        <TextField name="password" label={t('password')} type="password" required autocomplete="current-password" />
        <button type="submit">{t('signIn')}</button>
      </form>
    </PublicLayout>
  );
}

export interface SetPasswordPageProps {
  t: StaffT;
  lang: string;
  title: string;
  intro: string;
  action: string;
  withIdentity: boolean;
  values?: { name?: string | undefined; email?: string | undefined };
  errors?: Record<string, string>;
  submitLabel: string;
}

/** The first-admin setup form and the invite/reset form share this page. */
export function SetPasswordPage({
  t,
  lang,
  title,
  intro,
  action,
  withIdentity,
  values,
  errors,
  submitLabel,
}: SetPasswordPageProps) {
  return (
    <PublicLayout title={`${title} · ${t('appName')}`} lang={lang}>
      <h1>{title}</h1>
      <p>{intro}</p>
      <form method="post" action={action} class="stack">
        {withIdentity && (
          <>
            <TextField
              name="name"
              label={t('name')}
              value={values?.name}
              error={errors?.name}
              required
              autocomplete="name"
            />
            <TextField
              name="email"
              label={t('email')}
              type="email"
              value={values?.email}
              error={errors?.email}
              required
              autocomplete="username"
            />
          </>
        )}
        <TextField
          name="password"
          label={t('password')}
          type="password"
          hint={t('passwordHint')}
          error={errors?.password}
          required
          autocomplete="new-password"
        />
        <button type="submit">{submitLabel}</button>
      </form>
    </PublicLayout>
  );
}

export interface AccountPageProps {
  t: StaffT;
  user: SessionUser;
  errors?: Record<string, string>;
  notice?: string | undefined;
  /** The weekly digest: opted in, and the organisation's time zone it is sent in. */
  digest?: { subscribed: boolean; timeZone: string };
}

export function AccountPage({ t, user, errors, notice, digest }: AccountPageProps) {
  return (
    <StaffLayout title={t('accountTitle')} t={t} lang={user.locale} user={user} currentPath="/account">
      <h1>{t('accountTitle')}</h1>
      <p>
        {user.name} · {user.email}
      </p>
      {notice && <Flash kind="ok">{notice}</Flash>}
      <div class="grid-2">
        <Card title={t('changePassword')}>
          <form method="post" action="/account/password" class="stack">
            <TextField
              name="current"
              label={t('currentPassword')}
              type="password"
              error={errors?.current}
              required
              autocomplete="current-password"
            />
            <TextField
              name="password"
              label={t('newPassword')}
              type="password"
              hint={t('passwordHint')}
              error={errors?.password}
              required
              autocomplete="new-password"
            />
            <button type="submit">{t('changePassword')}</button>
          </form>
        </Card>
        <Card title={t('language')}>
          <form method="post" action="/account/locale" class="stack">
            <SelectField
              name="locale"
              label={t('language')}
              value={user.locale}
              options={[
                { value: 'en', label: 'English' },
                { value: 'es', label: 'Español' },
              ]}
            />
            <button type="submit">{t('save')}</button>
          </form>
        </Card>
        {digest && (
          <Card title={t('digestAccountTitle')}>
            <form method="post" action="/account/digest" class="stack" id="digest-form">
              <p class="hint" id="digest-hint">
                {t('digestAccountHint', {
                  zone: digest.timeZone,
                  what: user.role === 'trainer' ? t('digestWhatTrainer') : t('digestWhatLead'),
                })}
              </p>
              <label class="check">
                <input
                  type="checkbox"
                  name="digest"
                  value="on"
                  checked={digest.subscribed}
                  aria-describedby="digest-hint"
                />{' '}
                {t('digestOptIn')}
              </label>
              <button type="submit">{t('digestSave')}</button>
            </form>
          </Card>
        )}
      </div>
    </StaffLayout>
  );
}
