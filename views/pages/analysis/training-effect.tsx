/** GET /training/effect — one effect month by month (the event study) and by completion month. */
import { StaffLayout } from '../../layout';
import type { SessionUser } from '../../../src/context';
import type { EffectResult } from '../../../src/domain/analysis/training';
import { Figure } from '../../charts/figure';
import { IntervalChart } from '../../charts/interval-chart';
import type { Fmt } from '../../partials/analysis/format';
import { cpiName } from '../../partials/names';
import { changeText, sentence } from '../../partials/training/effect-row';

export function TrainingEffectPage({
  fmt,
  user,
  effect: e,
  skillName,
  backHref,
}: {
  fmt: Fmt;
  user: SessionUser;
  effect: EffectResult;
  skillName: string;
  backHref: string;
}) {
  const { t } = fmt;
  const kind = t(e.kind === 'course' ? 'trCourse' : 'trCoaching');
  const title = t('trDetailTitle', { skill: skillName, kind, cpi: cpiName(t, e.cpi) });
  const months = e.eventStudy.map((m) => ({
    label: t('trMonthAfter', { n: m.month ?? 0 }),
    value: m.effect,
    lower: m.lower,
    upper: m.upper,
  }));
  const span = Math.max(0.01, ...months.flatMap((m) => [Math.abs(m.lower ?? 0), Math.abs(m.upper ?? 0)])) * 1.15;
  const text = (v: number | null) => (v === null ? '—' : changeText(fmt, e, v));
  return (
    <StaffLayout title={title} t={t} lang={user.locale} user={user} currentPath="/training">
      <p>
        <a href={backHref}>{t('trBack')}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{sentence(fmt, e, skillName)}</p>
      {e.preTrend && !e.preTrend.ok && (
        <p class="warning" role="note">
          {t('trPreTrend')}
        </p>
      )}
      <p>{t('trDetailIntro')}</p>
      <Figure
        id="event-study"
        title={t('trEventChart')}
        summary={months.map((m) => `${m.label}: ${text(m.value)} (${text(m.lower)} – ${text(m.upper)})`).join('; ')}
        table={{
          caption: t('trEventChart'),
          head: ['', t('trChange'), t('trInterval')],
          rows: months.map((m) => [m.label, text(m.value), `${text(m.lower)} – ${text(m.upper)}`]),
        }}
        tableLabel={t('trDetails')}
      >
        <IntervalChart
          rows={months}
          reference={0}
          domain={[-span, span]}
          format={(v) => changeText(fmt, e, v)}
          label={t('trChartLabel')}
        />
      </Figure>
      <h2>{t('trCohortTable')}</h2>
      <div class="table-wrap" role="region" tabindex={0} aria-label={t('trCohortTable')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('trCohorts')}</th>
              <th scope="col">{t('trTreated')}</th>
              <th scope="col">{t('trControls')}</th>
              <th scope="col">{t('trChange')}</th>
            </tr>
          </thead>
          <tbody>
            {e.cohortEffects.map((c) => (
              <tr>
                <th scope="row">{c.month}</th>
                <td class="num">{c.treatedReps}</td>
                <td class="num">{c.controlReps}</td>
                <td class="num">{text(c.effect)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href="/methods">{t('trMethods')}</a>
      </p>
    </StaffLayout>
  );
}
