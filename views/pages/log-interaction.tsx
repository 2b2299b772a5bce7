import { StaffLayout, Flash } from '../layout';
import { TextField, SelectField, Card } from '../components/form';
import { Time } from '../components/time';
import { customerLocaleLabel, interactionTypeLabel, suppressionReasonLabel } from '../components/labels';
import type { StaffT, StaffKey } from '../../src/lib/i18n/staff';
import type { SessionUser } from '../../src/context';
import { INTERACTION_TYPES, LOCALES } from '../../src/lib/vocabulary';
import type { InteractionType, SuppressionReason } from '../../db/schema';

export interface LogInteractionValues {
  repId: string;
  customerEmail: string;
  customerName: string;
  customerLocale: string;
  customerCompany: string;
  type: string;
  occurredAt: string;
  quoteRequestedAt: string;
  quoteDeliveredAt: string;
  contentIds: string[];
}

const LOG_FIELD_LABELS: Record<keyof LogInteractionValues, StaffKey> = {
  repId: 'rep',
  customerEmail: 'customerEmail',
  customerName: 'customerName',
  customerLocale: 'customerLocale',
  customerCompany: 'customerCompany',
  type: 'interactionType',
  occurredAt: 'occurredAt',
  quoteRequestedAt: 'quoteRequestedAt',
  quoteDeliveredAt: 'quoteDeliveredAt',
  contentIds: 'contentShared',
};
const isLogField = (name: string): name is keyof LogInteractionValues => name in LOG_FIELD_LABELS;

export interface LogInteractionPageProps {
  t: StaffT;
  user: SessionUser;
  reps: { id: number; name: string; email: string; teamName: string | null }[];
  contentItems: { id: string; title: string }[];
  values: LogInteractionValues;
  errors?: Record<string, string> | undefined;
}

export function LogInteractionPage({ t, user, reps, contentItems, values, errors }: LogInteractionPageProps) {
  const errorEntries = Object.entries(errors ?? {});
  const contentError = errors?.contentIds;
  return (
    <StaffLayout title={t('logInteraction')} t={t} lang={user.locale} user={user} currentPath="/interactions/new">
      <h1>{t('logInteraction')}</h1>
      <p>{t('logInteractionIntro')}</p>
      {errorEntries.length > 0 && (
        <div class="flash flash-error" role="alert">
          <p>{t('fixFieldsBelow')}</p>
          <ul>
            {errorEntries.map(([name, message]) => (
              <li>
                <a href={`#f-${name}`}>{isLogField(name) ? t(LOG_FIELD_LABELS[name]) : name}</a>: {message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {reps.length === 0 && <Flash kind="info">{t('noRepsInScope')}</Flash>}
      <Card>
        <form method="post" action="/interactions" class="stack">
          <SelectField
            name="repId"
            label={t('rep')}
            value={values.repId}
            options={[
              { value: '', label: t('chooseRep') },
              ...reps.map((r) => ({ value: String(r.id), label: `${r.name} · ${r.teamName ?? t('noTeam')}` })),
            ]}
            error={errors?.repId}
          />
          <TextField
            name="customerEmail"
            label={t('customerEmail')}
            type="email"
            value={values.customerEmail}
            error={errors?.customerEmail}
            required
            autocomplete="off"
          />
          <TextField
            name="customerName"
            label={t('customerName')}
            value={values.customerName}
            error={errors?.customerName}
            autocomplete="off"
          />
          <SelectField
            name="customerLocale"
            label={t('customerLocale')}
            value={values.customerLocale}
            options={LOCALES.map((l) => ({ value: l, label: customerLocaleLabel(t, l) }))}
            error={errors?.customerLocale}
          />
          <TextField
            name="customerCompany"
            label={t('customerCompany')}
            value={values.customerCompany}
            error={errors?.customerCompany}
            autocomplete="off"
          />
          <SelectField
            name="type"
            label={t('interactionType')}
            value={values.type}
            options={INTERACTION_TYPES.map((type) => ({ value: type, label: interactionTypeLabel(t, type) }))}
            error={errors?.type}
          />
          <TextField
            name="occurredAt"
            label={t('occurredAt')}
            type="datetime-local"
            value={values.occurredAt}
            hint={t('utcHint')}
            error={errors?.occurredAt}
            required
          />
          <div class={contentError ? 'field has-error' : 'field'}>
            <label for="f-contentIds">{t('contentShared')}</label>
            <p class="hint" id="f-contentIds-hint">
              {contentItems.length === 0 ? t('noContentItems') : t('contentSharedHint')}
            </p>
            <select
              id="f-contentIds"
              name="contentIds"
              multiple
              size={Math.min(Math.max(contentItems.length, 2), 8)}
              aria-invalid={contentError ? 'true' : undefined}
              aria-describedby={contentError ? 'f-contentIds-hint f-contentIds-error' : 'f-contentIds-hint'}
            >
              {contentItems.map((item) => (
                <option value={item.id} selected={values.contentIds.includes(item.id)}>
                  {item.title}
                </option>
              ))}
            </select>
            {contentError && (
              <p class="error" id="f-contentIds-error">
                {contentError}
              </p>
            )}
          </div>
          <TextField
            name="quoteRequestedAt"
            label={t('quoteRequestedAt')}
            type="datetime-local"
            value={values.quoteRequestedAt}
            hint={t('optionalUtcHint')}
            error={errors?.quoteRequestedAt}
          />
          <TextField
            name="quoteDeliveredAt"
            label={t('quoteDeliveredAt')}
            type="datetime-local"
            value={values.quoteDeliveredAt}
            hint={t('optionalUtcHint')}
            error={errors?.quoteDeliveredAt}
          />
          <div>
            <button type="submit">{t('logIt')}</button>
          </div>
        </form>
      </Card>
    </StaffLayout>
  );
}

/**
 * What the page shows of a logged interaction. Without `identified` (the customer did not
 * agree to be contacted and the reader is not an admin) the customer's address and the CRM
 * id are absent and every time is shown as its day.
 */
export interface LoggedInteraction {
  identified: boolean;
  externalId: string | null;
  type: InteractionType;
  occurredAt: number;
  surveyStatus: 'scheduled' | 'suppressed';
  suppressionReason: SuppressionReason | null;
  repName: string;
  customerEmail: string | null;
  sendAt: number | null;
  expiresAt: number | null;
}

export function InteractionLoggedPage({
  t,
  user,
  logged,
  showOutboxLink,
}: {
  t: StaffT;
  user: SessionUser;
  logged: LoggedInteraction;
  showOutboxLink: boolean;
}) {
  const When = ({ ms }: { ms: number | null }) => <Time ms={ms} withTime={logged.identified} />;
  return (
    <StaffLayout title={t('interactionLogged')} t={t} lang={user.locale} user={user} currentPath="/interactions/new">
      <h1>{t('interactionLogged')}</h1>
      {logged.surveyStatus === 'scheduled' ? (
        <Flash kind="ok">
          <span data-survey="scheduled">{t('resultScheduled')}</span> <When ms={logged.sendAt} />. {t('resultExpires')}{' '}
          <When ms={logged.expiresAt} />.
        </Flash>
      ) : (
        <Flash kind="info">
          <span data-survey="suppressed">{t('resultSuppressed')}</span>:{' '}
          {logged.suppressionReason ? suppressionReasonLabel(t, logged.suppressionReason) : '—'}
        </Flash>
      )}
      <dl class="facts">
        <dt>{t('rep')}</dt>
        <dd>{logged.repName}</dd>
        <dt>{t('customerEmail')}</dt>
        <dd>
          {logged.identified ? (
            (logged.customerEmail ?? '—')
          ) : (
            <span class="muted" data-identity="hidden">
              {t('identityHidden')}
            </span>
          )}
        </dd>
        <dt>{t('interactionType')}</dt>
        <dd>{interactionTypeLabel(t, logged.type)}</dd>
        <dt>{t('occurredAt')}</dt>
        <dd>
          <When ms={logged.occurredAt} />
        </dd>
        <dt>{t('externalId')}</dt>
        <dd>
          {logged.externalId === null ? (
            <span class="muted">{t('identityHidden')}</span>
          ) : (
            <code>{logged.externalId}</code>
          )}
        </dd>
      </dl>
      <p class="toolbar">
        <a href="/interactions/new" class="button">
          {t('logAnother')}
        </a>
        {showOutboxLink && logged.surveyStatus === 'scheduled' && (
          <a href="/admin/outbox?status=pending">{t('seeOutbox')}</a>
        )}
      </p>
    </StaffLayout>
  );
}
