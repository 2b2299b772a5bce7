/** The filtered part of the rep page: the region htmx swaps when the period or type changes. */
import type { AnalysisFilters, ParamProblem } from '../../../src/domain/analysis-params';
import type { FilterError } from '../../../src/domain/filters';
import type { RepProfile } from '../../../src/domain/rep-profile';
import { interactionTypeLabel } from '../../components/labels';
import { FilterErrors, periodLabel } from '../filter-bar';
import type { Fmt } from './format';
import { RepCpiSummary, RepTrends } from './rep-trends';
import { MarkerLegend, RepTimeline } from './rep-timeline';
import { RepComments } from './rep-comments';
import { RepGapsSection } from './rep-gaps';
import type { AnalysisStamp } from './analysis-status';

export interface RepResultsProps {
  fmt: Fmt;
  profile: RepProfile;
  filters: AnalysisFilters;
  errors: FilterError[];
  problems: ParamProblem[];
  /** When the link analysis behind the gaps was computed; null while it is. */
  stamp: AnalysisStamp | null;
  /** The page's own URL with its filters. */
  selfHref: string;
}

export function RepResults({ fmt, profile, filters, errors, problems, stamp, selfHref }: RepResultsProps) {
  const { t } = fmt;
  const scope = filters.type ? t('anOnlyType', { type: interactionTypeLabel(t, filters.type) }) : t('anAllTypesNote');
  return (
    <div id="rep-results" class="results">
      <FilterErrors t={t} errors={errors} params={problems} />
      <p class="period-note" data-testid="period-note">
        {periodLabel(t, filters.range)} · {scope}
      </p>
      <section aria-labelledby="rep-cpis-h">
        <h2 id="rep-cpis-h">{t('anRepCpisTitle')}</h2>
        <RepCpiSummary fmt={fmt} cpis={profile.cpis} targets={profile.targets} min={profile.settings.minResponses} />
      </section>
      <section aria-labelledby="rep-trends-h">
        <h2 id="rep-trends-h">{t('anRepTrendsTitle')}</h2>
        <p class="muted">{t('anRepTrendsIntro')}</p>
        <MarkerLegend fmt={fmt} />
        <RepTrends fmt={fmt} series={profile.series} targets={profile.targets} timeline={profile.timeline} />
      </section>
      <section aria-labelledby="rep-timeline-h">
        <h2 id="rep-timeline-h">{t('anTimelineTitle')}</h2>
        <RepTimeline fmt={fmt} timeline={profile.timeline} />
      </section>
      <section aria-labelledby="rep-comments-h">
        <h2 id="rep-comments-h">{t('anCommentsTitle')}</h2>
        <RepComments fmt={fmt} comments={profile.comments} />
      </section>
      <RepGapsSection
        fmt={fmt}
        gaps={profile.gaps}
        stamp={stamp}
        skillNames={profile.skillNames}
        typeFiltered={filters.type !== undefined}
        selfHref={selfHref}
      />
    </div>
  );
}
