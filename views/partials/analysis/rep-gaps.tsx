/**
 * The rep's skill gaps from the served link analysis, ranked by score, each with its 80%
 * interval, label and evidence (the CPI against target, the link across reps in plain words,
 * its numbers behind a toggle). The section htmx swaps by itself while the analysis is being
 * computed; without a model, the rep's CPI shortfalls instead.
 */
import { Figure } from '../../charts/figure';
import { IntervalChart } from '../../charts/interval-chart';
import type { RepGap, RepGapsState } from '../../../src/domain/rep-profile';
import type { Fmt } from './format';
import { cpiName, gapLabelHelp, gapLabelName } from '../names';
import { ComputedNote, ComputingRegion, MethodsLink, type AnalysisStamp } from './analysis-status';
import { GapCertainty } from './gap-certainty';
import { LinkFigures, LinkSummary } from './link-figures';
import { RepShortfallList } from './shortfalls';

function Evidence({ fmt, gap, skillName }: { fmt: Fmt; gap: RepGap; skillName: (slug: string) => string }) {
  const { t } = fmt;
  const e = gap.evidence;
  if (!e) return <span class="muted">{t('anNoEvidence')}</span>;
  const format = (v: number) => fmt.cpi(e.cpi, v);
  return (
    <ul class="plain evidence">
      <li>
        {e.value !== null && e.target !== null
          ? t('anEvidenceCpi', { cpi: cpiName(t, e.cpi), value: format(e.value), target: format(e.target) })
          : t('anEvidenceCpiMissing', { cpi: cpiName(t, e.cpi) })}
        {e.probabilityBelowTarget !== null && <> · {t('anEvidenceBelow', { p: fmt.prob(e.probabilityBelowTarget) })}</>}
      </li>
      {e.link && (
        <li>
          {t('anEvidenceLink')} <LinkSummary fmt={fmt} link={e.link} skillName={skillName} />
          <LinkFigures fmt={fmt} link={e.link} />
        </li>
      )}
    </ul>
  );
}

function GapTable({ fmt, gaps, skillNames }: { fmt: Fmt; gaps: RepGap[]; skillNames: Record<string, string> }) {
  const { t } = fmt;
  if (gaps.length === 0) return <p class="muted">{t('anGapsNone')}</p>;
  const name = (slug: string) => skillNames[slug] ?? slug;
  const scored = gaps.filter((g) => g.score !== null);
  return (
    <>
      <p class="muted">{t('anGapsIntro')}</p>
      {scored.length > 0 && (
        <Figure
          id="rep-gaps-chart"
          title={t('anGapsChartTitle')}
          summary={t('anGapsChartSummary', {
            top: name(scored[0]!.skill),
            count: scored.filter((g) => !g.lowConfidence).length,
          })}
          tableLabel={t('anShowTable')}
          table={{
            caption: t('anGapsChartTitle'),
            head: [t('anSkill'), t('anScore'), t('anInterval80')],
            rows: scored.map((g) => [
              name(g.skill),
              fmt.num(g.score!),
              g.lower !== null && g.upper !== null ? fmt.range(g.lower, g.upper, (v) => fmt.num(v)) : '—',
            ]),
          }}
        >
          <IntervalChart
            label={t('anGapsChartTitle')}
            rows={scored.map((g) => ({ label: name(g.skill), value: g.score, lower: g.lower, upper: g.upper }))}
            reference={0}
            format={(v) => fmt.num(v, 1)}
          />
        </Figure>
      )}
      <div class="table-wrap" role="region" tabindex={0} aria-label={t('anGapsTitle')}>
        <table class="gaps wide" data-testid="rep-gaps">
          <caption class="visually-hidden">{t('anGapsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('anSkill')}</th>
              <th scope="col">{t('anLinkedCpi')}</th>
              <th scope="col" class="num">
                {t('anScore')}
              </th>
              <th scope="col">{t('anHowSure')}</th>
              <th scope="col">{t('anLabel')}</th>
              <th scope="col">{t('anEvidence')}</th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((g) => (
              <tr data-skill={g.skill} data-label={g.label ?? 'none'}>
                <th scope="row">
                  {name(g.skill)}
                  {g.missingScore && <span class="badge badge-muted">{t('anMissingScore')}</span>}
                </th>
                <td>{g.cpi ? cpiName(t, g.cpi) : '—'}</td>
                <td class="num">{g.score !== null ? fmt.num(g.score) : '—'}</td>
                <td>
                  <GapCertainty fmt={fmt} gap={g} />
                </td>
                <td>
                  <span class={`badge gap-label gap-${g.label ?? 'none'}`}>{gapLabelName(t, g.label)}</span>
                  <br />
                  <span class="muted small">{gapLabelHelp(t, g.label)}</span>
                </td>
                <td>
                  <Evidence fmt={fmt} gap={g} skillName={name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export interface RepGapsSectionProps {
  fmt: Fmt;
  gaps: RepGapsState;
  stamp: AnalysisStamp | null;
  skillNames: Record<string, string>;
  /** A type filter is set: say that gaps use every type. */
  typeFiltered: boolean;
  /** The rep page's own URL with its filters. */
  selfHref: string;
}

export function RepGapsSection({ fmt, gaps, stamp, skillNames, typeFiltered, selfHref }: RepGapsSectionProps) {
  const { t } = fmt;
  const heading = <h2 id="rep-gaps-h">{t('anGapsTitle')}</h2>;
  const note = typeFiltered && <p class="muted">{t('anGapsAllTypes')}</p>;
  if (gaps.status === 'computing' || !stamp) {
    return (
      <ComputingRegion fmt={fmt} id="rep-gaps" tag="section" labelledBy="rep-gaps-h" href={selfHref}>
        {heading}
        {note}
        <MethodsLink t={t} />
      </ComputingRegion>
    );
  }
  return (
    <section id="rep-gaps" aria-labelledby="rep-gaps-h">
      {heading}
      {note}
      <ComputedNote fmt={fmt} stamp={stamp} href={selfHref} />
      <MethodsLink t={t} />
      {gaps.status === 'not-scored' ? (
        <p class="notice">{t('anGapsNotScored', { min: gaps.min })}</p>
      ) : gaps.status === 'no-model' ? (
        <RepShortfallList fmt={fmt} shortfalls={gaps.shortfalls} more={gaps.more} />
      ) : (
        <GapTable fmt={fmt} gaps={gaps.gaps} skillNames={skillNames} />
      )}
    </section>
  );
}
