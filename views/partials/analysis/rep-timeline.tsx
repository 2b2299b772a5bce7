/** The rep's training timeline as a table (the same events are the markers on the trend charts). */
import type { TimelineEvent } from '../../../db/queries/analysis-rep';
import { kindName, type Fmt } from './format';

export function MarkerLegend({ fmt }: { fmt: Fmt }) {
  const { t } = fmt;
  return (
    <ul class="marker-legend" aria-label={t('anMarkerLegend')}>
      <li>
        <span class="swatch swatch-course" aria-hidden="true"></span>
        {t('anKindCourse')}
      </li>
      <li>
        <span class="swatch swatch-assessment" aria-hidden="true"></span>
        {t('anKindAssessment')}
      </li>
      <li>
        <span class="swatch swatch-coaching" aria-hidden="true"></span>
        {t('anKindCoaching')}
      </li>
      <li>
        <span class="swatch swatch-target" aria-hidden="true"></span>
        {t('anTarget')}
      </li>
    </ul>
  );
}

export function RepTimeline({ fmt, timeline }: { fmt: Fmt; timeline: TimelineEvent[] }) {
  const { t } = fmt;
  if (timeline.length === 0) return <p class="muted">{t('anTimelineEmpty')}</p>;
  return (
    <div class="table-wrap" role="region" tabindex={0} aria-label={t('anTimelineTitle')}>
      <table class="timeline" data-testid="timeline">
        <caption class="visually-hidden">{t('anTimelineTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('anDate')}</th>
            <th scope="col">{t('anKind')}</th>
            <th scope="col">{t('anSkill')}</th>
            <th scope="col" class="num">
              {t('anScore')}
            </th>
          </tr>
        </thead>
        <tbody>
          {timeline.map((e) => (
            <tr data-kind={e.kind}>
              <td>
                <time datetime={new Date(e.at).toISOString()}>{fmt.date(e.at)}</time>
              </td>
              <td>
                <span class={`kind kind-${e.kind}`}>{kindName(t, e.kind)}</span>
                {e.planned && <span class="badge badge-muted">{t('anPlanned')}</span>}
              </td>
              <td>{e.skillName}</td>
              <td class="num">{e.score !== null ? fmt.num(e.score, 0) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
