import { StaffLayout } from '../../layout';
import { Time } from '../../components/time';
import { Pager } from '../../components/pager';
import { FilterTabs } from '../../components/filter-tabs';
import { interactionTypeLabel, suppressionReasonLabel } from '../../components/labels';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { SUPPRESSION_REASONS } from '../../../src/lib/vocabulary';
import type { InteractionType, SuppressionReason } from '../../../db/schema';
import { AdminNav } from './nav';

interface SuppressedRow {
  id: number;
  externalId: string;
  reason: SuppressionReason | null;
  type: InteractionType;
  occurredAt: number;
  recordedAt: number;
  repName: string;
  repEmail: string;
  customerEmail: string | null;
}

export interface SuppressionsPageProps {
  t: StaffT;
  user: SessionUser;
  reason: SuppressionReason | undefined;
  counts: Record<SuppressionReason, number>;
  rows: SuppressedRow[];
  page: number;
  pageCount: number;
  hrefFor: (filter: { reason?: SuppressionReason | undefined; page?: number }) => string;
  optedOut: { email: string; optedOutAt: number | null }[];
  optedOutTotal: number;
  suppressionListTotal: number;
}

export function SuppressionsPage(p: SuppressionsPageProps) {
  const { t, user } = p;
  const total = SUPPRESSION_REASONS.reduce((sum, r) => sum + p.counts[r], 0);
  return (
    <StaffLayout title={t('adminSuppressions')} t={t} lang={user.locale} user={user} currentPath="/admin/suppressions">
      <AdminNav t={t} current="/admin/suppressions" />
      <h1>{t('adminSuppressions')}</h1>
      <p>{t('suppressionsIntro')}</p>
      <FilterTabs
        label={t('filterByReason')}
        tabs={[
          { href: p.hrefFor({}), label: t('filterAll'), count: total, current: p.reason === undefined },
          ...SUPPRESSION_REASONS.map((r) => ({
            href: p.hrefFor({ reason: r }),
            label: suppressionReasonLabel(t, r),
            count: p.counts[r],
            current: p.reason === r,
          })),
        ]}
      />
      {p.rows.length === 0 ? (
        <p class="muted">{t('noSuppressions')}</p>
      ) : (
        <div class="table-wrap" role="region" tabindex={0} aria-label={t('adminSuppressions')}>
          <table class="wide">
            <caption class="visually-hidden">{t('adminSuppressions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('suppressionReason')}</th>
                <th scope="col">{t('rep')}</th>
                <th scope="col">{t('customerEmail')}</th>
                <th scope="col">{t('interactionType')}</th>
                <th scope="col">{t('occurredAt')}</th>
                <th scope="col">{t('recordedAt')}</th>
                <th scope="col">{t('externalId')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr>
                  <td>
                    <span class="badge" data-reason={r.reason ?? ''}>
                      {r.reason ? suppressionReasonLabel(t, r.reason) : '—'}
                    </span>
                  </td>
                  <td>
                    {r.repName}
                    <br />
                    <span class="muted">{r.repEmail}</span>
                  </td>
                  <td>{r.customerEmail ?? <span class="muted">{t('customerErased')}</span>}</td>
                  <td>{interactionTypeLabel(t, r.type)}</td>
                  <td>
                    <Time ms={r.occurredAt} />
                  </td>
                  <td>
                    <Time ms={r.recordedAt} />
                  </td>
                  <td>
                    <code>{r.externalId}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager t={t} page={p.page} pageCount={p.pageCount} hrefFor={(page) => p.hrefFor({ reason: p.reason, page })} />

      <h2 id="opted-out">{t('optedOutTitle')}</h2>
      <p>{t('optedOutIntro', { n: p.optedOutTotal, hashed: p.suppressionListTotal })}</p>
      {p.optedOut.length === 0 ? (
        <p class="muted">{t('noOptedOut')}</p>
      ) : (
        <div class="table-wrap" role="region" tabindex={0} aria-label={t('optedOutTitle')}>
          <table class="wide">
            <caption class="visually-hidden">{t('optedOutTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('customerEmail')}</th>
                <th scope="col">{t('optedOutAt')}</th>
              </tr>
            </thead>
            <tbody>
              {p.optedOut.map((c) => (
                <tr>
                  <td>{c.email}</td>
                  <td>
                    <Time ms={c.optedOutAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.optedOutTotal > p.optedOut.length && <p class="hint">{t('showingNewest', { n: p.optedOut.length })}</p>}
    </StaffLayout>
  );
}
