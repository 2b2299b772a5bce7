/** The filtered part of the skill-gap analysis: the region htmx swaps when team or period changes. */
import type { AnalysisFilters, FilterProblem } from '../../../src/domain/analysis-filters';
import type { GapAnalysis } from '../../../src/domain/gap-analysis';
import { FilterProblems, periodText } from './filters';
import type { Fmt } from './format';
import { LinkMatrix } from './link-matrix';
import { QuadrantSection } from './quadrant';
import { TrainingEffects } from './training-effects';
import { ContentTop } from './content-top';
import { TopGaps } from './top-gaps';

export interface GapsResultsProps {
  fmt: Fmt;
  analysis: GapAnalysis;
  filters: AnalysisFilters;
  problems: FilterProblem[];
  teamName: string | undefined;
  exportHref: string;
}

export function GapsResults({ fmt, analysis, filters, problems, teamName, exportHref }: GapsResultsProps) {
  const { t } = fmt;
  const skillNames = Object.fromEntries(analysis.skills.map((s) => [s.slug, s.name]));
  return (
    <div id="gaps-results" class="results">
      <FilterProblems t={t} problems={problems} />
      <p class="period-note" data-testid="period-note">
        {periodText(t, filters)} · {teamName ? t('anTeamNote', { team: teamName }) : t('anAllTeamsNote')}
      </p>
      <section aria-labelledby="matrix-h">
        <h2 id="matrix-h">{t('anMatrixTitle')}</h2>
        <p class="muted">{t('anMatrixIntro')}</p>
        <LinkMatrix fmt={fmt} links={analysis.links} skills={analysis.skills} repsAnalysed={analysis.repsAnalysed} />
      </section>
      <QuadrantSection fmt={fmt} importance={analysis.importance} filters={filters} teamName={teamName} />
      <section aria-labelledby="top-gaps-h">
        <h2 id="top-gaps-h">{t('anTopGapsTitle')}</h2>
        <TopGaps fmt={fmt} gaps={analysis.topGaps} repsWithGaps={analysis.repsWithGaps} skillNames={skillNames} exportHref={exportHref} />
      </section>
      <section aria-labelledby="effects-h">
        <h2 id="effects-h">{t('anEffectsTitle')}</h2>
        <p class="muted">{t('anEffectsIntro')}</p>
        <TrainingEffects fmt={fmt} effects={analysis.effects} skillNames={skillNames} />
      </section>
      <section aria-labelledby="content-top-h">
        <h2 id="content-top-h">{t('anContentTopTitle')}</h2>
        <ContentTop fmt={fmt} top={analysis.content.top} bottom={analysis.content.bottom} />
      </section>
    </div>
  );
}
