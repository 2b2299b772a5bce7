import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { benjaminiHochberg } from './benjamini-hochberg.js';
import { percentileInterval, resampleInto } from './bootstrap.js';
import { lowerIsBetter, type CpiKey } from './cpi.js';
import { jointLinkWeight } from './joint-gap-score.js';
import { tierFor } from './joint-links.js';
import { fitJointModel, type JointModelRow } from './joint-model.js';
import { gapTerm } from './gap-score.js';
import { mulberry32, type RandomSource } from './prng.js';
import { sampleSpread } from './spread.js';

/** What the joint gap bootstrap resamples from; rep-major arrays, NaN where missing. */
export interface JointGapModel {
  skills: readonly string[];
  cpis: readonly CpiKey[];
  /** n × skills: latest assessment scores. */
  scores: Float64Array;
  /** Per CPI, per rep: the rep's row in the joint model, or null (not in it). */
  rows: readonly (readonly (JointModelRow | null)[])[];
  /** Per CPI: the full-data τ², held in every resample; NaN where no model ran. */
  tau2: readonly number[];
  /** n × cpis: posterior mean and SD of each rep's CPI (turnaround in log hours). */
  posteriorMean: Float64Array;
  posteriorSd: Float64Array;
  targets: readonly number[];
  weights: readonly number[];
  proficiency: readonly number[];
}

/**
 * Percentile intervals of the joint gap scores ({@link scoreGapsJoint}) by a seeded
 * bootstrap over reps. Each resample re-fits every CPI's joint model
 * ({@link fitJointModel}) with τ² held at the full-data value, re-applies the link
 * gating (one BH family over the resample's tested links; β̃ only for findings and
 * exploratory links), re-estimates SDₛ and SD_c, and draws each rep's CPI from its
 * posterior N(m, v²), using the drawn value's shortfall max(0, T − θ) in place of ES.
 * Every rep is rescored with its own skill scores. Keyed by rep index · skills +
 * skill index; reps with no deficit in the skill are left out (their gap is 0).
 */
export function bootstrapJointGaps(
  model: JointGapModel,
  options: { replicates: number; seed: number; confidence: number },
): Map<number, { lower: number; upper: number }> {
  const { skills, cpis, scores, posteriorMean, posteriorSd, targets, weights, proficiency } = model;
  const [n, S, C] = [posteriorMean.length / cpis.length, skills.length, cpis.length];
  const active = [...Array(n).keys()].flatMap((i) =>
    skills.flatMap((_, s) => {
      const shortOf = proficiency[s]! - scores[i * S + s]!;
      return shortOf > 0 ? [{ i, s, shortOf, draws: new Float64Array(options.replicates) }] : [];
    }),
  );
  const random = mulberry32(options.seed);
  const sample = new Int32Array(n);
  const theta = new Float64Array(n * C);
  for (let b = 0; b < options.replicates && active.length > 0; b++) {
    resampleInto(sample, random);
    const betaTilde = resampledLinkWeights(model, sample);
    const skillSd = skills.map((_, s) => sampleSd(scores, S, s, sample));
    const cpiSd = cpis.map((_, c) => sampleSd(posteriorMean, C, c, sample));
    for (let k = 0; k < n * C; k++) theta[k] = drawPosterior(posteriorMean[k]!, posteriorSd[k]!, random);
    for (const { i, s, shortOf, draws } of active) {
      const d = skillSd[s]! > 0 ? shortOf / skillSd[s]! : 0;
      let total = 0;
      cpis.forEach((cpi, c) => {
        const drawn = theta[i * C + c]!;
        if (Number.isNaN(drawn)) return;
        const shortfall = Math.max(0, lowerIsBetter(cpi) ? drawn - targets[c]! : targets[c]! - drawn);
        total += gapTerm(betaTilde[s * C + c]!, d, shortfall, cpiSd[c]!, weights[c]!);
      });
      draws[b] = total;
    }
  }
  return new Map(active.map((e) => [e.i * S + e.s, percentileInterval(e.draws, options.confidence)]));
}

/** β̃ per skill × CPI (row-major) from the joint models re-fitted on one resample. */
function resampledLinkWeights(model: JointGapModel, sample: Int32Array): Float64Array {
  const [S, C] = [model.skills.length, model.cpis.length];
  const tested: { s: number; c: number; beta: number; se: number; p: number }[] = [];
  model.cpis.forEach((_, c) => {
    if (Number.isNaN(model.tau2[c]!)) return;
    const rows = Array.from(sample, (i) => model.rows[c]![i]!).filter((row): row is JointModelRow => row !== null);
    const fit = fitJointModel(rows, S, 0.95, model.tau2[c]!);
    fit.terms.forEach((term, s) => {
      if (term && Number.isFinite(term.se) && term.separableFrom === null) {
        tested.push({ s, c, beta: term.estimate, se: term.se, p: term.p });
      }
    });
  });
  const q = benjaminiHochberg(tested.map((t) => t.p));
  const betaTilde = new Float64Array(S * C);
  tested.forEach(({ s, c, beta, se }, k) => {
    betaTilde[s * C + c] = jointLinkWeight(beta, se, tierFor(q[k]!), lowerIsBetter(model.cpis[c]!));
  });
  return betaTilde;
}

/** θ ~ N(m, v²) by inversion; NaN when the rep has no data for the CPI. */
function drawPosterior(mean: number, sd: number, random: RandomSource): number {
  if (Number.isNaN(mean)) return NaN;
  const u = random() + 2 ** -33; // strictly inside (0, 1)
  return sd > 0 ? normalQuantile(u, mean, sd) : mean;
}

/** {@link sampleSpread} of column `col` over the rows in `sample`. */
function sampleSd(matrix: Float64Array, width: number, col: number, sample: Int32Array): number {
  return sampleSpread(Float64Array.from(sample, (i) => matrix[i * width + col]!));
}
