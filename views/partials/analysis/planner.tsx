/**
 * Per CPI, what the analysis can detect now and the reps it would take to detect a reference
 * effect (docs/statistics.md, "Evidence 1", power).
 */
import type { PlannerLine } from '../../../src/domain/gap-analysis';
import type { Fmt } from './format';
import { cpiName } from '../names';

function lineText(fmt: Fmt, line: PlannerLine): string {
  const { t } = fmt;
  const cpi = cpiName(t, line.cpi);
  if (line.status === 'no-model') return t('anPlannerNone', { cpi, n: line.n, needed: line.n + line.more });
  if (line.status === 'no-variation') return t('anPlannerNoVariation', { cpi });
  const values = {
    cpi,
    n: line.n,
    mde: fmt.effectSize(line.cpi, line.mde),
    delta: fmt.effectSize(line.cpi, line.reference),
  };
  return line.repsNeeded <= line.n
    ? t('anPlannerReached', values)
    : t('anPlannerLine', { ...values, needed: line.repsNeeded });
}

export function Planner({ fmt, lines }: { fmt: Fmt; lines: PlannerLine[] }) {
  return (
    <>
      <ul class="planner" data-testid="planner">
        {lines.map((line) => (
          <li data-cpi={line.cpi} data-status={line.status}>
            {lineText(fmt, line)}
          </li>
        ))}
      </ul>
      <p class="muted small">{fmt.t('anPlannerNote')}</p>
    </>
  );
}
