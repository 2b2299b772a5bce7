/**
 * How sure a gap score is, in plain words first ("clear" or "low confidence"); its 80%
 * interval behind a toggle, as every statistic on the analysis pages.
 */
import type { Fmt } from './format';

interface GapBounds {
  score: number | null;
  lower: number | null;
  upper: number | null;
  lowConfidence: boolean;
}

export function GapCertainty({ fmt, gap }: { fmt: Fmt; gap: GapBounds }) {
  const { t } = fmt;
  return (
    <>
      {gap.score === null ? (
        '—'
      ) : gap.lowConfidence ? (
        <span class="badge badge-exploratory">{t('anLowConfidence')}</span>
      ) : (
        <span class="badge badge-finding">{t('anSure')}</span>
      )}
      {gap.lower !== null && gap.upper !== null && (
        <details class="link-figures">
          <summary>{t('anRangeToggle')}</summary>
          <p>
            {t('anInterval80')}: {fmt.range(gap.lower, gap.upper, (v) => fmt.num(v))}
          </p>
        </details>
      )}
    </>
  );
}
