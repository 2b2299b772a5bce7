import { byCodePoint } from './code-point-order.js';
import { metaRegression, metaRegressionAtTau2, type MetaRegression } from './meta-regression.js';
import { varianceInflation } from './variance-inflation.js';
import { interceptColumnsDesign } from './least-squares.js';
import { sampleSpread } from './spread.js';

/** One rep in one CPI's joint model: its stage-1 estimate, team and skill scores. */
export interface JointModelRow {
  rep: string;
  estimate: number;
  variance: number;
  team: string;
  /** One score per skill of the analysis, all present. */
  scores: readonly number[];
}

export type JointModelKind = 'with-teams' | 'without-teams' | 'none';

/** A skill's coefficient in the joint model: per SD of the skill, others and team held fixed. */
export interface JointTerm {
  estimate: number;
  se: number;
  lower: number;
  upper: number;
  p: number;
  vif: number;
  /** The skill (index) it correlates with most, when VIF > 5; else null. */
  separableFrom: number | null;
}

export interface JointModelFit {
  kind: JointModelKind;
  /** Why there is no model, or why a term is missing; null when the model ran as planned. */
  reason: string | null;
  n: number;
  /** Per skill of the analysis: its term, or null (zero variance, or no model). */
  terms: (JointTerm | null)[];
  /** Teams with a term, reference first; empty without team terms. */
  teams: string[];
  df: number;
  tau2: number;
  /** What was fitted, for importance: standardised skill columns (in-model skills), team indicator columns. */
  design: { skills: number[]; skillColumns: number[][]; teamColumns: number[][] };
}

/** VIF above which a skill cannot be told apart from the others (docs/statistics.md, "Evidence 1"). */
export const MAX_VIF = 5;
/** Residual reps required beyond the parameters. */
const SPARE_REPS = 10;
const MIN_REPS_PER_TEAM = 3;

/**
 * One CPI's joint model across reps (docs/statistics.md, "Evidence 1", stage 2): the reps'
 * estimates on all skills together, standardised (z over these rows), by
 * {@link metaRegression} (REML, Knapp–Hartung). Skills with zero variance leave the
 * model. Team indicators (t − 1, teams by code point, the first the reference) enter
 * when k ≥ (1 + skills + t − 1) + 10 and every team has ≥ 3 reps; else the model runs
 * without them when k ≥ (1 + skills) + 10; else there is no model. Each term carries
 * its VIF ({@link varianceInflation} of the in-model skills) and, above 5, the skill
 * it correlates with most.
 *
 * @param rows the reps with every skill assessed and an estimate for the CPI
 * @param skillCount number of skills (length of each row's scores)
 * @param level confidence level of the intervals
 * @param tau2 hold τ² at this value instead of estimating it (a bootstrap resample)
 * @example
 * fitJointModel(rows, 6, 0.95).terms[2]?.estimate; // the third skill's β per SD
 */
export function fitJointModel(
  rows: readonly JointModelRow[],
  skillCount: number,
  level: number,
  tau2?: number,
): JointModelFit {
  const n = rows.length;
  const columns = Array.from({ length: skillCount }, (_, s) => rows.map((row) => row.scores[s]!));
  const standardised = columns.map(standardise);
  const skills = standardised.flatMap((column, s) => (column ? [s] : []));
  const teamsSeen = [...new Set(rows.map((row) => row.team))].sort(byCodePoint);
  const sizeOf = new Map<string, number>();
  for (const row of rows) sizeOf.set(row.team, (sizeOf.get(row.team) ?? 0) + 1);
  const teamSizes = teamsSeen.map((team) => sizeOf.get(team)!);
  const withTeams =
    teamsSeen.length > 1 &&
    n >= skills.length + teamsSeen.length + SPARE_REPS &&
    teamSizes.every((size) => size >= MIN_REPS_PER_TEAM);
  const kind: JointModelKind =
    skills.length === 0
      ? 'none'
      : withTeams
        ? 'with-teams'
        : n >= 1 + skills.length + SPARE_REPS
          ? 'without-teams'
          : 'none';
  const empty = { skills, skillColumns: [], teamColumns: [] };
  if (kind === 'none') {
    const reason =
      skills.length === 0
        ? 'no skill varies across these reps'
        : `${n} reps with every skill assessed; the model needs ${1 + skills.length + SPARE_REPS}`;
    return { kind, reason, n, terms: columns.map(() => null), teams: [], df: NaN, tau2: NaN, design: empty };
  }
  const teams = kind === 'with-teams' ? teamsSeen : [];
  const skillColumns = skills.map((s) => standardised[s]!);
  const teamColumns = teams.slice(1).map((team) => rows.map((row) => (row.team === team ? 1 : 0)));
  const y = rows.map((row) => row.estimate);
  const v = rows.map((row) => row.variance);
  const moderators = [...skillColumns, ...teamColumns];
  // A bootstrap refit (τ² given) builds its design straight from the columns: no row arrays.
  const fit: MetaRegression =
    tau2 === undefined
      ? metaRegression(
          y,
          v,
          rows.map((_, i) => moderators.map((c) => c[i]!)),
          level,
        )
      : metaRegressionAtTau2(y, v, interceptColumnsDesign(moderators, n), level, tau2);
  const { vif, mostCorrelated } = varianceInflation(skillColumns);
  const terms: (JointTerm | null)[] = columns.map(() => null);
  skills.forEach((s, j) => {
    const inflated = !(vif[j]! <= MAX_VIF);
    const partner = mostCorrelated[j];
    terms[s] = {
      estimate: fit.beta[j + 1]!,
      se: fit.se[j + 1]!,
      lower: fit.lower[j + 1]!,
      upper: fit.upper[j + 1]!,
      p: fit.p[j + 1]!,
      vif: vif[j]!,
      separableFrom: inflated && partner !== null && partner !== undefined ? skills[partner]! : null,
    };
  });
  const failed = Number.isNaN(fit.df) ? 'the model could not be fitted (collinear terms or zero variances)' : null;
  return {
    kind,
    reason: failed,
    n,
    terms,
    teams,
    df: fit.df,
    tau2: fit.tau2,
    design: { skills, skillColumns, teamColumns },
  };
}

/** z-scores (sample SD); null when the column has no spread. */
function standardise(column: readonly number[]): number[] | null {
  const n = column.length;
  if (n < 2) return null;
  const mean = column.reduce((s, x) => s + x, 0) / n;
  const sd = sampleSpread(column);
  if (!(sd > 0)) return null;
  return column.map((x) => (x - mean) / sd);
}
