import type { CohortPlan } from './cohort-plan.js';
import { windowSums, type PreparedPanel } from './cohort-panel.js';
import type { CpiKey } from './cpi.js';

/** Responses every rep of a cohort needs in month g−1 for it to enter as a covariate. */
export const MIN_MONTH_BEFORE_RESPONSES = 3;
/** Responses every rep of a cohort needs in E (g−6…g−4) for it to enter as a covariate (and a rep for the placebo). */
export const MIN_EARLIER_RESPONSES = 5;

/** The covariates a cohort's ANCOVA can use: B, month g−1 alone, E. */
export type CohortCovariate = 'before' | 'monthBefore' | 'earlier';

/**
 * One cohort's regression rows for one CPI, columns of one estimator: post values
 * (several: the after window and each month after), treated flag and covariates.
 * A post is NaN for a rep with no response in it (that rep sits that post out).
 */
export interface CohortBlock {
  month: number;
  covariates: CohortCovariate[];
  rep: Int32Array;
  treated: Uint8Array;
  /** Row-major, rows × covariates.length. */
  z: Float64Array;
  posts: Float64Array[];
}

/** The main block (post = A, g+1, g+2, g+3) and the placebo block (post = B, covariate E), with counts for the reasons. */
export interface CohortDesign {
  main: CohortBlock;
  /** Rows of main with ≥ 5 responses in E; null when none. */
  placebo: CohortBlock | null;
  /** Treated reps left out for fewer than `minResponses` in B or A. */
  thinTreated: number;
}

const mean = ({ n, sum }: { n: number; sum: number }): number => (n > 0 ? sum / n : NaN);

/**
 * The rows of one cohort for one CPI (docs/statistics.md, "Evidence 2"): treated and control reps with
 * ≥ minResponses in both B = g−3…g−1 and A = g+1…g+3 (month g left out); covariate B,
 * plus month g−1 when every row has ≥ 3 responses in it, plus E = g−6…g−4 when every row
 * has ≥ 5. Window values are pooled, Σy/n.
 */
export function designCohort(panel: PreparedPanel, cpi: CpiKey, plan: CohortPlan, minResponses: number): CohortDesign {
  const g = plan.month;
  const rows: {
    rep: number;
    treated: number;
    before: number;
    monthBefore: { n: number; value: number };
    earlier: { n: number; value: number };
    posts: number[];
  }[] = [];
  let thinTreated = 0;
  const add = (rep: number, treated: number): void => {
    const before = windowSums(panel, cpi, rep, g - 3, g - 1);
    const after = windowSums(panel, cpi, rep, g + 1, g + 3);
    if (before.n < minResponses || after.n < minResponses) {
      if (treated) thinTreated++;
      return;
    }
    const monthBefore = windowSums(panel, cpi, rep, g - 1, g - 1);
    const earlier = windowSums(panel, cpi, rep, g - 6, g - 4);
    rows.push({
      rep,
      treated,
      before: mean(before),
      monthBefore: { n: monthBefore.n, value: mean(monthBefore) },
      earlier: { n: earlier.n, value: mean(earlier) },
      posts: [mean(after), ...[1, 2, 3].map((k) => mean(windowSums(panel, cpi, rep, g + k, g + k)))],
    });
  };
  for (const rep of plan.treated) add(rep, 1);
  for (const rep of plan.controls) add(rep, 0);
  const covariates: CohortCovariate[] = ['before'];
  if (rows.length > 0 && rows.every((r) => r.monthBefore.n >= MIN_MONTH_BEFORE_RESPONSES))
    covariates.push('monthBefore');
  if (rows.length > 0 && rows.every((r) => r.earlier.n >= MIN_EARLIER_RESPONSES)) covariates.push('earlier');
  const value = (r: (typeof rows)[number], c: CohortCovariate): number =>
    c === 'before' ? r.before : c === 'monthBefore' ? r.monthBefore.value : r.earlier.value;
  const main = block(
    g,
    covariates,
    rows.map((r) => ({ rep: r.rep, treated: r.treated, z: covariates.map((c) => value(r, c)), posts: r.posts })),
  );
  const withEarlier = rows.filter((r) => r.earlier.n >= MIN_EARLIER_RESPONSES);
  const placebo =
    withEarlier.length === 0
      ? null
      : block(
          g,
          ['earlier'],
          withEarlier.map((r) => ({ rep: r.rep, treated: r.treated, z: [r.earlier.value], posts: [r.before] })),
        );
  return { main, placebo, thinTreated };
}

function block(
  month: number,
  covariates: CohortCovariate[],
  rows: readonly { rep: number; treated: number; z: readonly number[]; posts: readonly number[] }[],
): CohortBlock {
  const q = covariates.length;
  const postCount = rows[0]?.posts.length ?? 0;
  const z = new Float64Array(rows.length * q);
  const posts = Array.from({ length: postCount }, () => new Float64Array(rows.length));
  rows.forEach((row, i) => {
    row.z.forEach((v, j) => (z[i * q + j] = v));
    row.posts.forEach((v, p) => (posts[p]![i] = v));
  });
  return {
    month,
    covariates,
    rep: Int32Array.from(rows, (r) => r.rep),
    treated: Uint8Array.from(rows, (r) => r.treated),
    z,
    posts,
  };
}

/** The rows of a block with a value for post p, as ancovaEffect takes them. */
export function blockColumns(
  b: CohortBlock,
  p: number,
): { post: number[]; treated: number[]; covariates: number[][]; reps: number[] } {
  const q = b.covariates.length;
  const out = { post: [] as number[], treated: [] as number[], covariates: [] as number[][], reps: [] as number[] };
  for (let i = 0; i < b.rep.length; i++) {
    const y = b.posts[p]![i]!;
    if (Number.isNaN(y)) continue;
    out.post.push(y);
    out.treated.push(b.treated[i]!);
    out.covariates.push(Array.from(b.z.subarray(i * q, (i + 1) * q)));
    out.reps.push(b.rep[i]!);
  }
  return out;
}
