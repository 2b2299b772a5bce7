import { StaffLayout } from '../../layout';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import type { FollowUpItem, FollowUpStatus } from '../../../db/queries/coaching-follow-ups';
import { FilterTabs } from '../../components/filter-tabs';
import { Pager } from '../../components/pager';
import { FollowUpItemCard } from '../../partials/coaching/follow-up-item';

export interface FollowUpListProps {
  t: StaffT;
  status: FollowUpStatus;
  counts: Record<FollowUpStatus, number>;
  items: FollowUpItem[];
  staff: { id: number; name: string }[];
  page: number;
  pageCount: number;
  hrefFor: (filter: { status: FollowUpStatus; page?: number }) => string;
  /** An item re-rendered with its form errors (a post without JavaScript that failed). */
  problem?: { id: number; errors: { assignee?: string; note?: string }; noteValue?: string } | undefined;
}

/** The list htmx swaps when a tab or page link is followed: tabs, items, pager. */
export function FollowUpList(p: FollowUpListProps) {
  const { t } = p;
  const back = p.hrefFor({ status: p.status, page: p.page });
  return (
    // Tabs and pages are plain links; htmx boosts them to swap only this list (and push the URL).
    <div id="follow-up-list" hx-target="#follow-up-list" hx-swap="outerHTML">
      <div hx-boost="true">
        <FilterTabs
          label={t('coFilterStatus')}
          tabs={[
            {
              href: p.hrefFor({ status: 'open' }),
              label: t('coFollowUpOpen'),
              count: p.counts.open,
              current: p.status === 'open',
            },
            {
              href: p.hrefFor({ status: 'resolved' }),
              label: t('coFollowUpResolved'),
              count: p.counts.resolved,
              current: p.status === 'resolved',
            },
          ]}
        />
      </div>
      {p.items.length === 0 ? (
        <p class="muted">{t('coNoFollowUps')}</p>
      ) : (
        <ol class="plain follow-up-items">
          {p.items.map((item) => (
            <li>
              <FollowUpItemCard
                t={t}
                item={item}
                staff={p.staff}
                back={back}
                errors={p.problem?.id === item.id ? p.problem.errors : undefined}
                noteValue={p.problem?.id === item.id ? p.problem.noteValue : undefined}
              />
            </li>
          ))}
        </ol>
      )}
      <div hx-boost="true">
        <Pager t={t} page={p.page} pageCount={p.pageCount} hrefFor={(page) => p.hrefFor({ status: p.status, page })} />
      </div>
    </div>
  );
}

export interface FollowUpsPageProps extends FollowUpListProps {
  user: SessionUser;
}

/** GET /follow-ups (leads and admins): the closed loop. */
export function FollowUpsPage(p: FollowUpsPageProps) {
  const { t, user } = p;
  return (
    <StaffLayout title={t('coFollowUpsTitle')} t={t} lang={user.locale} user={user} currentPath="/follow-ups">
      <h1 data-testid="follow-ups-title">{t('coFollowUpsTitle')}</h1>
      <p class="intro">{t('coFollowUpsIntro')}</p>
      <FollowUpList {...p} />
    </StaffLayout>
  );
}
