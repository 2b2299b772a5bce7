/**
 * Importance–performance quadrant chart for one CPI (importance from the joint model's LMG
 * shares, or |unadjusted ρ| marked as such where the CPI has no model), with its own small
 * form to pick the CPI: htmx swaps only this section (the route answers HX-Target
 * "quadrant" with it) and updates the main filter form's hidden cpi out of band, so both
 * forms keep one state.
 */
import { Figure } from '../../charts/figure';
import { ScatterChart } from '../../charts/scatter-chart';
import { CPI_KEYS } from '../../../src/stats';
import type { ImportanceMap } from '../../../src/domain/importance-map';
import { analysisQuery, type AnalysisFilters } from '../../../src/domain/analysis-params';
import { quadrantName, type Fmt } from './format';
import { cpiName } from '../names';

export interface QuadrantProps {
  fmt: Fmt;
  importance: ImportanceMap;
  filters: AnalysisFilters;
  teamName: string | undefined;
  /** The htmx answer for this section alone: also refresh the main form's hidden cpi. */
  outOfBand?: boolean;
}

/** The page's filters kept as hidden fields (defaults left out). */
function keptFilters(f: AnalysisFilters): { name: string; value: string }[] {
  return [...new URLSearchParams(analysisQuery(f, []))].map(([name, value]) => ({ name, value }));
}

export function QuadrantSection({ fmt, importance, filters, teamName, outOfBand }: QuadrantProps) {
  const { t } = fmt;
  const { skillNames } = importance;
  const cpi = filters.cpi;
  const unadjusted = importance.method === 'unadjusted';
  const targets = Object.values(importance.proficiencyTargets);
  const sameTarget = targets.every((v) => v === targets[0]);
  const xLine =
    targets.length === 0 ? 80 : sameTarget ? targets[0]! : targets.reduce((s, v) => s + v, 0) / targets.length;
  const placed = importance.skills.filter((s) => s.quadrant !== null && s.importance !== null);
  const name = (slug: string) => skillNames[slug] ?? slug;
  const y = (v: number) => fmt.num(v, 2);
  const x = (v: number) => fmt.num(v, 0);
  const concentrate = placed.filter((s) => s.quadrant === 'concentrate-here').map((s) => name(s.skill));
  return (
    <section id="quadrant" aria-labelledby="quadrant-h" class="quadrant">
      <h2 id="quadrant-h">{t('anQuadrantTitle')}</h2>
      <form
        class="filters"
        method="get"
        action="/gaps"
        hx-get="/gaps"
        hx-target="#quadrant"
        hx-swap="outerHTML"
        hx-push-url="true"
        hx-trigger="submit, change"
      >
        {keptFilters(filters).map((h) => (
          <input type="hidden" name={h.name} value={h.value} />
        ))}
        <div class="field">
          <label for="quadrant-cpi">{t('anQuadrantCpi')}</label>
          <select id="quadrant-cpi" name="cpi">
            {CPI_KEYS.map((c) => (
              <option value={c} selected={c === cpi}>
                {cpiName(t, c)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {t('anShow')}
        </button>
      </form>
      {outOfBand && <input type="hidden" name="cpi" id="gaps-filter-cpi" value={cpi} hx-swap-oob="true" />}
      <p class="muted">
        {teamName
          ? t('anQuadrantTeam', { team: teamName, reps: importance.teamReps })
          : t('anQuadrantOrg', { reps: importance.teamReps })}{' '}
        {unadjusted ? t('anQuadrantUnadjusted') : t('anQuadrantLmg')} {sameTarget ? '' : t('anQuadrantTargetsDiffer')}
      </p>
      {placed.length === 0 ? (
        <p class="notice">{t('anQuadrantEmpty')}</p>
      ) : (
        <Figure
          id="quadrant-chart"
          title={t('anQuadrantChartTitle', { cpi: cpiName(t, cpi) })}
          summary={
            concentrate.length > 0
              ? t('anQuadrantSummary', { skills: concentrate.join(', ') })
              : t('anQuadrantSummaryNone')
          }
          tableLabel={t('anShowTable')}
          table={{
            caption: t('anQuadrantChartTitle', { cpi: cpiName(t, cpi) }),
            head: [t('anSkill'), t('anPerformance'), t('anImportance'), t('anQuadrant')],
            rows: importance.skills.map((s) => [
              name(s.skill),
              Number.isFinite(s.performance.mean)
                ? Number.isFinite(s.performance.lower)
                  ? `${x(s.performance.mean)} (${fmt.range(s.performance.lower, s.performance.upper, x)}; ${t('anNValue', { n: s.performance.n })})`
                  : `${x(s.performance.mean)} (${t('anNValue', { n: s.performance.n })})`
                : t('anNoScores'),
              s.importance === null
                ? '—'
                : unadjusted
                  ? t('anUnadjusted', { value: y(s.importance) })
                  : y(s.importance),
              s.quadrant
                ? `${quadrantName(t, s.quadrant)}${s.uncertain ? ` — ${t('anUncertain')}` : ''}`
                : t('anUncertain'),
            ]),
          }}
        >
          <ScatterChart
            label={t('anQuadrantChartTitle', { cpi: cpiName(t, cpi) })}
            xLabel={t('anPerformanceAxis')}
            yLabel={unadjusted ? t('anUnadjusted', { value: t('anImportanceAxis') }) : t('anImportanceAxis')}
            xLine={xLine}
            yLine={importance.importanceLine ?? undefined}
            quadrants={[
              quadrantName(t, 'concentrate-here'),
              quadrantName(t, 'keep-up-the-good-work'),
              quadrantName(t, 'low-priority'),
              quadrantName(t, 'possible-overkill'),
            ]}
            format={{ x, y }}
            points={placed.map((s) => ({
              label: s.uncertain ? t('anUncertainLabel', { name: name(s.skill) }) : name(s.skill),
              x: s.performance.mean,
              y: s.importance ?? 0,
              kind: s.uncertain ? 'uncertain' : (s.quadrant ?? undefined),
            }))}
          />
        </Figure>
      )}
      <p class="muted small">{t('anQuadrantLegend')}</p>
    </section>
  );
}
