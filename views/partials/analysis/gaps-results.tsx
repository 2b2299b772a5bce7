/**
 * The filtered part of the skill-gap analysis: the region htmx swaps when team or period
 * changes, and that asks again by itself while the period's analysis is being computed.
 */
import type { AnalysisFilters, ParamProblem } from '../../../src/domain/analysis-params';
import type { FilterError } from '../../../src/domain/filters';
import type { GapAnalysis } from '../../../src/domain/gap-analysis';
import { FilterErrors, periodLabel } from '../filter-bar';
import type { Fmt } from './format';
import { ComputedNote, ComputingRegion, MethodsLink, type AnalysisStamp } from './analysis-status';
import { LinkGrid } from './link-grid';
import { Planner } from './planner';
import { QuadrantSection } from './quadrant';
import { TeamShortfalls } from './shortfalls';
import { ContentTop } from './content-top';
import { TopGaps } from './top-gaps';

export interface GapsResultsProps {
  fmt: Fmt;
  /** null: the period's analysis is being computed. */
  analysis: GapAnalysis | null;
  stamp: AnalysisStamp | null;
  filters: AnalysisFilters;
  errors: FilterError[];
  problems: ParamProblem[];
  teamName: string | undefined;
  exportHref: string;
  /** This page's own URL with its filters (what the computing region asks again). */
  selfHref: string;
}

export function GapsResults({
  fmt,
  analysis,
  stamp,
  filters,
  errors,
  problems,
  teamName,
  exportHref,
  selfHref,
}: GapsResultsProps) {
  const { t } = fmt;
  const head = (
    <>
      <FilterErrors t={t} errors={errors} params={problems} />
      <p class="period-note" data-testid="period-note">
        {periodLabel(t, filters.range)} · {teamName ? t('anTeamNote', { team: teamName }) : t('anAllTeamsNote')}
      </p>
    </>
  );
  if (!analysis || !stamp) {
    return (
      <ComputingRegion fmt={fmt} id="gaps-results" href={selfHref} class="results">
        {head}
        <MethodsLink t={t} />
      </ComputingRegion>
    );
  }
  const skillNames = Object.fromEntries(analysis.skills.map((s) => [s.slug, s.name]));
  return (
    <div id="gaps-results" class="results">
      {head}
      <ComputedNote fmt={fmt} stamp={stamp} href={selfHref} />
      <MethodsLink t={t} />
      <section aria-labelledby="matrix-h">
        <h2 id="matrix-h">{t('anMatrixTitle')}</h2>
        <p class="muted">{t('anMatrixIntro')}</p>
        <LinkGrid fmt={fmt} links={analysis.links} skills={analysis.skills} modelled={analysis.assessMore === null} />
        <h3 id="planner-h">{t('anPlannerTitle')}</h3>
        <Planner fmt={fmt} lines={analysis.planner} />
      </section>
      <QuadrantSection fmt={fmt} importance={analysis.importance} filters={filters} teamName={teamName} />
      {analysis.shortfalls !== null && analysis.assessMore !== null ? (
        <section aria-labelledby="shortfalls-h">
          <h2 id="shortfalls-h">{t('anNoModelTitle')}</h2>
          <TeamShortfalls fmt={fmt} reps={analysis.shortfalls} more={analysis.assessMore} />
        </section>
      ) : (
        <section aria-labelledby="top-gaps-h">
          <h2 id="top-gaps-h">{t('anTopGapsTitle')}</h2>
          <TopGaps
            fmt={fmt}
            gaps={analysis.topGaps}
            repsWithGaps={analysis.repsWithGaps}
            skillNames={skillNames}
            exportHref={exportHref}
          />
        </section>
      )}
      <section aria-labelledby="effects-h">
        <h2 id="effects-h">{t('anEffectsTitle')}</h2>
        <p>
          <a href="/training">{t('anEffectsLink')}</a>
        </p>
      </section>
      <section aria-labelledby="content-top-h">
        <h2 id="content-top-h">{t('anContentTopTitle')}</h2>
        <ContentTop fmt={fmt} top={analysis.content.top} bottom={analysis.content.bottom} />
      </section>
    </div>
  );
}
