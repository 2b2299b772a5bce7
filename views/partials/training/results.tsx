/** The training results region (htmx swaps it when a filter changes): effects sorted by evidence, grouped by course or coaching. */
import type { TrainingAnalysis } from '../../../src/domain/analysis/training';
import { byEvidence } from '../../../src/domain/analysis/training-view';
import type { Fmt } from '../analysis/format';
import { EffectRow } from './effect-row';

export interface TrainingResultsProps {
  fmt: Fmt;
  /** null while the first result for these filters is computed. */
  analysis: TrainingAnalysis | null;
  computedAt: number | null;
  stale: boolean;
  skillNames: Record<string, string>;
  /** This region's own URL (htmx polls it while computing). */
  selfHref: string;
  exportHref: string;
  detailHref: (e: { skill: string; kind: string; cpi: string }) => string;
  notEnded: boolean;
  /** "Courses and coaching completed in 2026-Q2". */
  heading: string;
}

export function TrainingResults(p: TrainingResultsProps) {
  const { t } = p.fmt;
  if (!p.analysis) {
    return (
      <div
        id="training-results"
        class="results"
        aria-busy="true"
        hx-get={p.selfHref}
        hx-trigger="load delay:2s"
        hx-swap="outerHTML"
        data-state="computing"
      >
        <h2>{p.heading}</h2>
        <p role="status">{t('trComputing')}</p>
        <p>
          <a href={p.selfHref}>{t('trReload')}</a>
        </p>
      </div>
    );
  }
  const effects = [...p.analysis.effects].sort(byEvidence);
  return (
    <div
      id="training-results"
      class="results"
      data-state={p.stale ? 'stale' : 'ready'}
      {...(p.stale ? { 'hx-get': p.selfHref, 'hx-trigger': 'load delay:3s', 'hx-swap': 'outerHTML' } : {})}
    >
      <h2>{p.heading}</h2>
      {p.computedAt !== null && (
        <p class="muted computed-at">
          {t('trComputedAt', { time: `${new Date(p.computedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC` })}{' '}
          {p.stale && t('trStale')}
        </p>
      )}
      {p.notEnded && <p class="notice">{t('trNotEndedNote')}</p>}
      {effects.length === 0 ? (
        <p>{t('trNone')}</p>
      ) : (
        <ol class="effects">
          {effects.map((e) => (
            <EffectRow
              fmt={p.fmt}
              effect={e}
              skillName={p.skillNames[e.skill] ?? e.skill}
              detailHref={p.detailHref(e)}
            />
          ))}
        </ol>
      )}
      <p class="toolbar">
        <a href={p.exportHref} download>
          {t('trExport')}
        </a>
        <a href="/methods">{t('trMethods')}</a>
      </p>
    </div>
  );
}
