/** The rep's skill gaps, ranked by score, each with its 80% interval, label and evidence. */
import { Figure } from '../../charts/figure';
import { IntervalChart } from '../../charts/interval-chart';
import type { RepGap } from '../../../src/domain/rep-profile';
import { cpiName, gapLabelHelp, gapLabelName, tierName, type Fmt } from './format';

function Evidence({ fmt, gap }: { fmt: Fmt; gap: RepGap }) {
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
          {t('anEvidenceLink', { rho: fmt.signed(e.link.rho), range: fmt.range(e.link.lower, e.link.upper, (v) => fmt.signed(v)), n: e.link.n })}{' '}
          <span class={`badge badge-${e.link.tier}`}>{tierName(t, e.link.tier)}</span>
          {e.link.simpson && <span class="badge badge-bad">{t('anSimpson')}</span>}
        </li>
      )}
    </ul>
  );
}

export function RepGaps({ fmt, gaps, skillNames, min }: { fmt: Fmt; gaps: RepGap[] | null; skillNames: Record<string, string>; min: number }) {
  const { t } = fmt;
  if (gaps === null) return <p class="notice">{t('anGapsNotScored', { min })}</p>;
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
          summary={t('anGapsChartSummary', { top: name(scored[0]!.skill), count: scored.filter((g) => !g.lowConfidence).length })}
          tableLabel={t('anShowTable')}
          table={{
            caption: t('anGapsChartTitle'),
            head: [t('anSkill'), t('anScore'), t('anInterval80')],
            rows: scored.map((g) => [name(g.skill), fmt.num(g.score!), fmt.range(g.lower!, g.upper!, (v) => fmt.num(v))]),
          }}
        >
          <IntervalChart label={t('anGapsChartTitle')} rows={scored.map((g) => ({ label: name(g.skill), value: g.score, lower: g.lower, upper: g.upper }))} reference={0} format={(v) => fmt.num(v, 1)} />
        </Figure>
      )}
      <div class="table-wrap" role="region" tabindex={0} aria-label={t('anGapsTitle')}>
        <table class="gaps wide" data-testid="rep-gaps">
          <caption class="visually-hidden">{t('anGapsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('anSkill')}</th>
              <th scope="col">{t('anCpiHurt')}</th>
              <th scope="col" class="num">{t('anScore')}</th>
              <th scope="col">{t('anInterval80')}</th>
              <th scope="col">{t('anLabel')}</th>
              <th scope="col">{t('anEvidence')}</th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((g) => (
              <tr data-skill={g.skill} data-label={g.label}>
                <th scope="row">
                  {name(g.skill)}
                  {g.missingScore && <span class="badge badge-muted">{t('anMissingScore')}</span>}
                </th>
                <td>{g.cpi ? cpiName(t, g.cpi) : '—'}</td>
                <td class="num">{g.score !== null ? fmt.num(g.score) : '—'}</td>
                <td>
                  {g.lower !== null && g.upper !== null ? fmt.range(g.lower, g.upper, (v) => fmt.num(v)) : '—'}
                  {g.lowConfidence && g.score !== null && <span class="badge badge-exploratory">{t('anLowConfidence')}</span>}
                </td>
                <td>
                  <span class={`badge gap-label gap-${g.label}`}>{gapLabelName(t, g.label)}</span>
                  <br />
                  <span class="muted small">{gapLabelHelp(t, g.label)}</span>
                </td>
                <td>
                  <Evidence fmt={fmt} gap={g} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
