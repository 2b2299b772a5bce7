/** The role homes at `/` (where sign-in lands) and the reps behind one cell of the lead's grid. */
import type { Child } from 'hono/jsx';
import { StaffLayout } from '../../layout';
import type { SessionUser } from '../../../src/context';
import type { HomeGap } from '../../../src/domain/home';
import type { Fmt } from '../../partials/analysis/format';
import { cpiName, gapLabelName } from '../../partials/names';
import { PrintHeader, type PrintHeaderProps } from '../../partials/print-header';

export interface HomePageProps {
  fmt: Fmt;
  user: SessionUser;
  /** An admin's setup checklist while setup is not done. */
  setup?: Child;
  /** What the printed home says of itself (team, period, date). */
  print?: PrintHeaderProps;
  children: Child;
}

export function HomePage({ fmt, user, setup, print, children }: HomePageProps) {
  const { t } = fmt;
  return (
    <StaffLayout title={t('hmTitle')} t={t} lang={user.locale} user={user} currentPath="/">
      <div class={`home home-${user.role === 'trainer' ? 'trainer' : 'lead'}`} data-home={user.role}>
        {print && <PrintHeader t={t} {...print} />}
        <h1 data-testid="home-title">{t('hmTitle')}</h1>
        <p class="ws-intro">{user.role === 'trainer' ? t('hmTrainerIntro') : t('hmLeadIntro')}</p>
        {setup}
        {children}
      </div>
    </StaffLayout>
  );
}

export function GapRepsPage({
  fmt,
  user,
  team,
  teamId,
  skillName,
  reps,
}: {
  fmt: Fmt;
  user: SessionUser;
  team: string;
  teamId: number;
  skillName: string;
  reps: HomeGap[];
}) {
  const { t } = fmt;
  const title = t('hmGapRepsTitle', { team, skill: skillName });
  return (
    <StaffLayout title={title} t={t} lang={user.locale} user={user} currentPath="/home/gap-reps">
      <p class="small">
        <a href="/">{t('hmBack')}</a>
      </p>
      <h1>{title}</h1>
      {reps.length === 0 ? (
        <p>{t('hmGapRepsNone')}</p>
      ) : (
        <ol class="home-list" data-testid="gap-reps">
          {reps.map(({ repId, repName, gap, n }) => (
            <li>
              <a href={`/reps/${repId}`}>{repName}</a>: {gap.cpi ? cpiName(t, gap.cpi) : '—'}{' '}
              <span class={`badge gap-label gap-${gap.label ?? 'none'}`}>{gapLabelName(t, gap.label)}</span>
              <details class="numbers">
                <summary>{t('hmNumbers')}</summary>
                <p class="small">
                  {t('hmTopGapNumbers', {
                    rep: repName,
                    n: n ?? '—',
                    score: fmt.num(gap.score ?? NaN),
                    range:
                      gap.lower !== null && gap.upper !== null
                        ? fmt.range(gap.lower, gap.upper, (v) => fmt.num(v))
                        : '—',
                  })}
                </p>
              </details>
            </li>
          ))}
        </ol>
      )}
      <p>
        <a href={`/gaps?team=${teamId}`}>{t('hmGapRepsGaps', { team })}</a>
      </p>
    </StaffLayout>
  );
}
