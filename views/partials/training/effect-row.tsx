/** One training effect: the plain sentence first, a dot-and-interval chart, the numbers behind a toggle. */
import type { EffectResult } from '../../../src/domain/analysis/training';
import { verdictOf, type Verdict } from '../../../src/domain/analysis/training-view';
import type { StaffKey } from '../../../src/lib/i18n/staff';
import { IntervalChart } from '../../charts/interval-chart';
import type { Fmt } from '../analysis/format';
import { cpiName } from '../names';

const BADGES: Record<Verdict, StaffKey> = {
  better: 'trBadgeBetter',
  worse: 'trBadgeWorse',
  unclear: 'trBadgeUnclear',
  'not-enough': 'trBadgeNotEnough',
};

/** A change on the CPI's own scale: points for FCR and the 1–5 answers; quote turnaround (modelled in log hours) as a percentage of the time. */
export function changeText(fmt: Fmt, e: Pick<EffectResult, 'cpi'>, value: number): string {
  if (e.cpi === 'quoteTurnaround') {
    const change = Math.exp(value) - 1;
    return change > 0 ? `+${fmt.pct(change)}` : fmt.pct(change);
  }
  return fmt.cpiChange(e.cpi, value);
}

export function sentence(fmt: Fmt, e: EffectResult, skillName: string): string {
  const { t } = fmt;
  const args = {
    skill: skillName,
    kind: t(e.kind === 'course' ? 'trCourse' : 'trCoaching'),
    cpi: cpiName(t, e.cpi).toLowerCase(),
  };
  const verdict = verdictOf(e);
  if (verdict === 'not-enough') return t('trNotEnough', { ...args, cpi: cpiName(t, e.cpi), reason: e.reason ?? '' });
  if (verdict === 'better') return t('trImproved', { ...args, change: changeText(fmt, e, e.effect!) });
  if (verdict === 'worse') return t('trWorse', { ...args, change: changeText(fmt, e, e.effect!) });
  return t('trUnclear', { ...args, lower: changeText(fmt, e, e.lower!), upper: changeText(fmt, e, e.upper!) });
}

export function EffectRow({
  fmt,
  effect: e,
  skillName,
  detailHref,
}: {
  fmt: Fmt;
  effect: EffectResult;
  skillName: string;
  detailHref: string;
}) {
  const { t } = fmt;
  const verdict = verdictOf(e);
  const span = Math.max(Math.abs(e.lower ?? 0), Math.abs(e.upper ?? 0), Math.abs(e.effect ?? 0)) * 1.15 || 1;
  return (
    <li
      class={`effect effect-${verdict}`}
      data-verdict={verdict}
      data-skill={e.skill}
      data-kind={e.kind}
      data-cpi={e.cpi}
    >
      <p class="effect-sentence">
        <span class={`badge badge-${verdict}`}>{t(BADGES[verdict])}</span> {sentence(fmt, e, skillName)}
      </p>
      {e.preTrend && !e.preTrend.ok && (
        <p class="warning" role="note">
          {t('trPreTrend')}
        </p>
      )}
      {verdict !== 'not-enough' && (
        <div class="chart-host">
          <IntervalChart
            rows={[{ label: cpiName(t, e.cpi), value: e.effect, lower: e.lower, upper: e.upper }]}
            reference={0}
            domain={[-span, span]}
            format={(v) => changeText(fmt, e, v)}
            label={t('trChartLabel')}
          />
        </div>
      )}
      <details class="numbers">
        <summary>{t('trDetails')}</summary>
        <dl class="facts">
          <dt>{t('trChange')}</dt>
          <dd>{e.effect === null ? '—' : changeText(fmt, e, e.effect)}</dd>
          <dt>{t('trInterval')}</dt>
          <dd>
            {e.lower === null || e.upper === null
              ? '—'
              : `${changeText(fmt, e, e.lower)} – ${changeText(fmt, e, e.upper)}`}
          </dd>
          <dt>p / q</dt>
          <dd>
            {fmt.p(e.p)} / {fmt.p(e.q)}
          </dd>
          <dt>{t('trTreated')}</dt>
          <dd>{e.treatedReps}</dd>
          <dt>{t('trControls')}</dt>
          <dd>{e.controlReps}</dd>
          <dt>{t('trCohorts')}</dt>
          <dd>{e.cohorts}</dd>
          {e.preTrend && (
            <>
              <dt>{t('trPreTrendLine')}</dt>
              <dd>
                {e.preTrend.effect === null ? '—' : changeText(fmt, e, e.preTrend.effect)}
                {e.preTrend.lower !== null &&
                  e.preTrend.upper !== null &&
                  ` (${changeText(fmt, e, e.preTrend.lower)} – ${changeText(fmt, e, e.preTrend.upper)})`}
              </dd>
            </>
          )}
        </dl>
        {verdict !== 'not-enough' && <a href={detailHref}>{t('trShowDetail')}</a>}
      </details>
    </li>
  );
}
