/**
 * The filters of the training results page, from the URL: the months whose completions are
 * analysed — a quarter (`2026-Q2`), a month (`2026-05`), or a range of months (`from`, `to` as
 * YYYY-MM) — and team, skill and kind. By default the latest quarter whose after windows
 * (three months after each completion) have ended, so every cohort can be judged.
 */
import { addMonths, monthKey } from '../../lib/periods';

export interface TrainingFilters {
  /** Completion months, YYYYMM inclusive. */
  fromMonth: number;
  toMonth: number;
  /** What the URL said (for the form and links). */
  period: string;
  from: string;
  to: string;
  team: number | undefined;
  skill: string | undefined;
  kind: 'course' | 'coaching' | undefined;
  /** The default period was used. */
  isDefault: boolean;
}

export type TrainingFilterProblem = {
  field: 'period' | 'from' | 'to' | 'kind' | 'team' | 'skill';
  code: 'format' | 'order' | 'future';
};

const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const toKey = (text: string) => {
  const m = MONTH.exec(text);
  return m ? Number(m[1]) * 100 + Number(m[2]) : undefined;
};
const label = (key: number) => `${Math.floor(key / 100)}-${String(key % 100).padStart(2, '0')}`;
const quarterOf = (key: number) => `${Math.floor(key / 100)}-Q${Math.floor(((key % 100) - 1) / 3) + 1}`;
const quarterStart = (key: number) => Math.floor(key / 100) * 100 + Math.floor(((key % 100) - 1) / 3) * 3 + 1;

/** The latest quarter whose every completion month's after window (g+1…g+3) is over by now. */
export function latestJudgedQuarter(now: number): string {
  const current = monthKey(now);
  for (let start = quarterStart(current); ; start = addMonths(start, -3)) {
    if (addMonths(start, 2 + 4) <= current) return quarterOf(start);
  }
}

export function parseTrainingFilters(
  raw: Record<string, string | undefined>,
  now: number,
): { filters: TrainingFilters; problems: TrainingFilterProblem[] } {
  const problems: TrainingFilterProblem[] = [];
  const current = monthKey(now);
  let period = (raw.period ?? '').trim();
  const from = (raw.from ?? '').trim();
  const to = (raw.to ?? '').trim();
  const isDefault = period === '' && from === '' && to === '';
  if (isDefault) period = latestJudgedQuarter(now);
  let fromMonth: number | undefined;
  let toMonth: number | undefined;
  const quarter = QUARTER.exec(period);
  if (quarter) {
    fromMonth = Number(quarter[1]) * 100 + (Number(quarter[2]) - 1) * 3 + 1;
    toMonth = addMonths(fromMonth, 2);
  } else if (MONTH.test(period)) {
    fromMonth = toKey(period)!;
    toMonth = fromMonth;
  } else if (period === '' || period === 'range') {
    fromMonth = toKey(from);
    toMonth = toKey(to);
    if (fromMonth === undefined) problems.push({ field: 'from', code: 'format' });
    if (toMonth === undefined) problems.push({ field: 'to', code: 'format' });
    if (fromMonth !== undefined && toMonth !== undefined && fromMonth > toMonth)
      problems.push({ field: 'from', code: 'order' });
  } else {
    problems.push({ field: 'period', code: 'format' });
  }
  if (fromMonth !== undefined && fromMonth > current)
    problems.push({ field: period === '' || period === 'range' ? 'from' : 'period', code: 'future' });
  const team = raw.team && /^\d{1,9}$/.test(raw.team) ? Number(raw.team) : undefined;
  if (raw.team && team === undefined) problems.push({ field: 'team', code: 'format' });
  const kind = raw.kind === 'course' || raw.kind === 'coaching' ? raw.kind : undefined;
  if (raw.kind && kind === undefined) problems.push({ field: 'kind', code: 'format' });
  const skill = raw.skill && /^[a-z0-9-]{1,80}$/.test(raw.skill) ? raw.skill : undefined;
  if (raw.skill && skill === undefined) problems.push({ field: 'skill', code: 'format' });
  // A bad period falls back to the default one (the page says which field was wrong).
  const fallback = latestJudgedQuarter(now);
  const fallbackStart = Number(fallback.slice(0, 4)) * 100 + (Number(fallback.slice(-1)) - 1) * 3 + 1;
  const bad = problems.some((p) => p.field === 'period' || p.field === 'from' || p.field === 'to');
  return {
    filters: {
      fromMonth: bad ? fallbackStart : fromMonth!,
      toMonth: bad ? addMonths(fallbackStart, 2) : Math.min(toMonth!, current),
      period: bad ? fallback : period,
      from: from || (fromMonth ? label(fromMonth) : ''),
      to: to || (toMonth ? label(toMonth) : ''),
      team,
      skill,
      kind,
      isDefault,
    },
    problems,
  };
}

/** "2026-Q2", "2026-05" or "2026-03 – 2026-07" for headings. */
export function completionMonthsLabel(f: TrainingFilters): string {
  if (QUARTER.test(f.period) || MONTH.test(f.period)) return f.period;
  return f.fromMonth === f.toMonth ? label(f.fromMonth) : `${label(f.fromMonth)} – ${label(f.toMonth)}`;
}

/** Whether a completion month's after window has ended (its effect can be judged). */
export const afterWindowEnded = (toMonth: number, now: number) => addMonths(toMonth, 4) <= monthKey(now);
