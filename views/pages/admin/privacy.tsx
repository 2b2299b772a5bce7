import { StaffLayout, Flash } from '../../layout';
import { TextField, Card } from '../../components/form';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { AdminNav } from './nav';

export interface PrivacyPageProps {
  t: StaffT;
  user: SessionUser;
  retentionMonths: number | null;
  notice?: string | undefined;
  errors?: Record<string, string>;
  email?: string | undefined;
}

export function PrivacyPage({ t, user, retentionMonths, notice, errors, email }: PrivacyPageProps) {
  return (
    <StaffLayout title={t('adminPrivacy')} t={t} lang={user.locale} user={user} currentPath="/admin/privacy">
      <AdminNav t={t} current="/admin/privacy" />
      <h1>{t('adminPrivacy')}</h1>
      <p>{t('privacyIntro')}</p>
      {notice && <Flash kind="ok">{notice}</Flash>}
      <div class="grid-2">
        <Card title={t('eraseTitle')}>
          <p class="hint">{t('eraseHint')}</p>
          <form method="post" action="/admin/privacy/erase" class="stack">
            <TextField name="email" label={t('email')} type="email" value={email} error={errors?.email} required />
            <div class={errors?.confirm ? 'field has-error' : 'field'}>
              <label>
                <input
                  type="checkbox"
                  name="confirm"
                  value="yes"
                  required
                  aria-invalid={errors?.confirm ? 'true' : undefined}
                />{' '}
                {t('eraseConfirm')}
              </label>
              {errors?.confirm && <p class="error">{errors.confirm}</p>}
            </div>
            <button type="submit">{t('eraseButton')}</button>
          </form>
        </Card>
        <Card title={t('retentionTitle')}>
          <p class="hint">{t('retentionHint')}</p>
          <form method="post" action="/admin/privacy/retention" class="stack">
            <TextField
              name="months"
              label={t('retentionMonths')}
              type="number"
              min="1"
              max="600"
              value={retentionMonths === null ? '' : String(retentionMonths)}
              error={errors?.months}
            />
            <button type="submit">{t('save')}</button>
          </form>
          <form method="post" action="/admin/privacy/retention/apply" class="stack">
            <p>{retentionMonths === null ? t('retentionOff') : ''}</p>
            <button type="submit" class="secondary" disabled={retentionMonths === null}>
              {t('retentionApply')}
            </button>
          </form>
        </Card>
      </div>
    </StaffLayout>
  );
}
