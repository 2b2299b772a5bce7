import { StaffLayout } from '../../layout';
import { SelectField, Card } from '../../components/form';
import { interactionTypeLabel } from '../../components/labels';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { INTERACTION_TYPES, LOCALES, type InteractionType, type Locale } from '../../../src/lib/vocabulary';
import { LOCALE_NAMES } from '../../../src/lib/i18n';
import { AdminNav } from './nav';

export interface SurveyPreviewPageProps {
  t: StaffT;
  user: SessionUser;
  /** What was asked for, kept as typed when it is not a type or language (422). */
  values: { type: string; lang: string };
  errors?: Record<string, string> | undefined;
  /** The frames' query, when the choice is valid. */
  query?: string | undefined;
}

/**
 * The survey as the customer sees it: the e-mail in a sandboxed frame (its own document, with a
 * CSP that allows its inline styles only there) and the survey page, disabled, in another.
 */
export function SurveyPreviewPage({ t, user, values, errors, query }: SurveyPreviewPageProps) {
  return (
    <StaffLayout title={t('previewTitle')} t={t} lang={user.locale} user={user} currentPath="/admin/rules">
      <AdminNav t={t} current="/admin/rules" />
      <h1>{t('previewTitle')}</h1>
      <p>{t('previewHint')}</p>
      <form method="get" action="/admin/rules/preview" class="preview-form">
        <SelectField
          name="type"
          label={t('previewType')}
          value={values.type}
          error={errors?.type}
          options={INTERACTION_TYPES.map((type: InteractionType) => ({
            value: type,
            label: interactionTypeLabel(t, type),
          }))}
        />
        <SelectField
          name="lang"
          label={t('previewLanguage')}
          value={values.lang}
          error={errors?.lang}
          options={LOCALES.map((l: Locale) => ({ value: l, label: LOCALE_NAMES[l] }))}
        />
        <button type="submit">{t('previewShow')}</button>
      </form>
      {query && (
        <div class="grid-2 preview-frames">
          <Card title={t('previewEmail')}>
            <iframe
              class="preview-frame"
              title={t('previewEmail')}
              src={`/admin/rules/preview/email?${query}`}
              sandbox=""
              referrerpolicy="no-referrer"
              data-testid="preview-email"
            ></iframe>
            <p>
              <a href={`/admin/rules/preview/email?${query}`}>{t('previewOpenEmail')}</a>
            </p>
          </Card>
          <Card title={t('previewPage')}>
            <iframe
              class="preview-frame"
              title={t('previewPage')}
              src={`/admin/rules/preview/page?${query}`}
              // Same origin so that our stylesheet loads (Cross-Origin-Resource-Policy); still no script.
              sandbox="allow-same-origin"
              data-testid="preview-page"
            ></iframe>
            <p>
              <a href={`/admin/rules/preview/page?${query}`}>{t('previewOpenPage')}</a>
            </p>
          </Card>
        </div>
      )}
    </StaffLayout>
  );
}
