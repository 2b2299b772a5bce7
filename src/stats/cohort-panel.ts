import { CPI_KEYS, type CpiKey } from './cpi.js';
import { assertFiniteNumbers } from './guards.js';

/** What counts as training for Evidence 2 (an assessment is not training). */
export type TrainingKind = 'course' | 'coaching';

/** One rep × calendar month × CPI: responses and the sum of the outcome (FCR 0/1, Likert 1–5, log hours). */
export interface PanelCell {
  rep: string;
  cpi: CpiKey;
  /** A month index, e.g. year·12 + month − 1; months are plain integers here. */
  month: number;
  n: number;
  sum: number;
}

/** A completed course or coaching in a skill, in its month. */
export interface TrainingEvent {
  rep: string;
  skill: string;
  kind: TrainingKind;
  month: number;
}

/** The reps, the monthly panel and the training records Evidence 2 reads. */
export interface TrainingEffectsInput {
  reps: readonly { rep: string; team: string }[];
  /** Cells of the same rep, CPI and month add up (e.g. one per interaction type). */
  panel: readonly PanelCell[];
  events: readonly TrainingEvent[];
}

/** Responses and outcome sum over a window of months. */
export interface WindowSums {
  n: number;
  sum: number;
}

/** The input indexed for window sums in O(1): cumulative sums per rep over the months. */
export interface PreparedPanel {
  reps: readonly string[];
  teams: readonly string[];
  /** Each rep's training records, sorted by month. */
  trainings: readonly (readonly TrainingEvent[])[];
  firstMonth: number;
  span: number;
  /** Per CPI with data: at rep·(span + 1) + k, the totals of months firstMonth … firstMonth + k − 1. */
  cumulative: ReadonlyMap<CpiKey, { n: Float64Array; sum: Float64Array }>;
}

/** Months a cohort reaches back (E starts at g − 6) and forward (A ends at g + 3). */
const REACH_BACK = 6;
const REACH_FORWARD = 3;

/**
 * Indexes the reps, panel and training records once per call. Cells and events of
 * reps not in `reps` are ignored; malformed cells throw, naming `fn`.
 */
export function preparePanel(fn: string, input: TrainingEffectsInput): PreparedPanel {
  const reps = input.reps.map((r) => r.rep);
  const index = new Map(reps.map((rep, i) => [rep, i]));
  if (index.size !== reps.length) throw new RangeError(`${fn}: rep keys must be unique`);
  let low = Infinity;
  let high = -Infinity;
  for (const cell of input.panel) {
    if (!Number.isInteger(cell.month)) throw new RangeError(`${fn}: months must be integers (got ${cell.month})`);
    assertFiniteNumbers(fn, 'panel n and sum', [cell.n, cell.sum]);
    if (cell.n < 0) throw new RangeError(`${fn}: response counts must be non-negative (got ${cell.n})`);
    if (!CPI_KEYS.includes(cell.cpi)) throw new RangeError(`${fn}: unknown CPI ${String(cell.cpi)}`);
    low = Math.min(low, cell.month);
    high = Math.max(high, cell.month);
  }
  const trainings: TrainingEvent[][] = reps.map(() => []);
  for (const event of input.events) {
    if (!Number.isInteger(event.month)) throw new RangeError(`${fn}: months must be integers (got ${event.month})`);
    if (event.kind !== 'course' && event.kind !== 'coaching')
      throw new RangeError(`${fn}: unknown training kind ${String(event.kind)}`);
    const i = index.get(event.rep);
    if (i === undefined) continue;
    trainings[i]!.push(event);
    low = Math.min(low, event.month);
    high = Math.max(high, event.month);
  }
  for (const list of trainings) list.sort((a, b) => a.month - b.month);
  const firstMonth = Number.isFinite(low) ? low - REACH_BACK : 0;
  const span = Number.isFinite(high) ? high + REACH_FORWARD - firstMonth + 1 : 0;
  const stride = span + 1;
  const cumulative = new Map<CpiKey, { n: Float64Array; sum: Float64Array }>();
  for (const cell of input.panel) {
    const i = index.get(cell.rep);
    if (i === undefined) continue;
    let arrays = cumulative.get(cell.cpi);
    if (!arrays) {
      arrays = { n: new Float64Array(reps.length * stride), sum: new Float64Array(reps.length * stride) };
      cumulative.set(cell.cpi, arrays);
    }
    const at = i * stride + cell.month - firstMonth + 1;
    arrays.n[at] = arrays.n[at]! + cell.n;
    arrays.sum[at] = arrays.sum[at]! + cell.sum;
  }
  for (const { n, sum } of cumulative.values()) {
    for (let i = 0; i < reps.length; i++) {
      for (let k = 1; k <= span; k++) {
        n[i * stride + k] = n[i * stride + k]! + n[i * stride + k - 1]!;
        sum[i * stride + k] = sum[i * stride + k]! + sum[i * stride + k - 1]!;
      }
    }
  }
  return { reps, teams: input.reps.map((r) => r.team), trainings, firstMonth, span, cumulative };
}

/** A rep's responses and outcome sum over months from … to (inclusive); months outside the data count 0. */
export function windowSums(panel: PreparedPanel, cpi: CpiKey, rep: number, from: number, to: number): WindowSums {
  const arrays = panel.cumulative.get(cpi);
  const lo = Math.max(0, from - panel.firstMonth);
  const hi = Math.min(panel.span, to - panel.firstMonth + 1);
  if (!arrays || hi <= lo) return { n: 0, sum: 0 };
  const base = rep * (panel.span + 1);
  return { n: arrays.n[base + hi]! - arrays.n[base + lo]!, sum: arrays.sum[base + hi]! - arrays.sum[base + lo]! };
}
