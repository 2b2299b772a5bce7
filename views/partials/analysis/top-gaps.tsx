/** The largest labelled rep × skill gaps inside the reader's scope, each linking to the rep page. */
import type { TopGap } from '../../../src/domain/gap-analysis';
import type { Fmt } from './format';
import { GapCertainty } from './gap-certainty';
import { cpiName, gapLabelName } from '../names';

export function TopGaps({
  fmt,
  gaps,
  repsWithGaps,
  skillNames,
  exportHref,
}: {
  fmt: Fmt;
  gaps: TopGap[];
  repsWithGaps: number;
  skillNames: Record<string, string>;
  exportHref: string;
}) {
  const { t } = fmt;
  return (
    <>
      <p>
        {gaps.length === 0 ? t('anTopGapsNone') : t('anTopGapsSummary', { shown: gaps.length, reps: repsWithGaps })}{' '}
        <a href={exportHref} download>
          {t('anExportGaps')}
        </a>
      </p>
      {gaps.length > 0 && (
        <div class="table-wrap" role="region" tabindex={0} aria-label={t('anTopGapsTitle')}>
          <table class="top-gaps wide" data-testid="top-gaps">
            <caption class="visually-hidden">{t('anTopGapsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('anRep')}</th>
                <th scope="col">{t('anTeam')}</th>
                <th scope="col">{t('anSkill')}</th>
                <th scope="col">{t('anLinkedCpi')}</th>
                <th scope="col" class="num">
                  {t('anScore')}
                </th>
                <th scope="col">{t('anHowSure')}</th>
                <th scope="col">{t('anLabel')}</th>
              </tr>
            </thead>
            <tbody>
              {gaps.map(({ repId, repName, team, gap }) => (
                <tr>
                  <th scope="row">
                    <a href={`/reps/${repId}`}>{repName}</a>
                  </th>
                  <td>{team ?? '—'}</td>
                  <td>{skillNames[gap.skill] ?? gap.skill}</td>
                  <td>{gap.cpi ? cpiName(t, gap.cpi) : '—'}</td>
                  <td class="num">{fmt.num(gap.score ?? NaN)}</td>
                  <td>
                    <GapCertainty fmt={fmt} gap={gap} />
                  </td>
                  <td>
                    <span class={`badge gap-label gap-${gap.label ?? 'none'}`}>{gapLabelName(t, gap.label)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
