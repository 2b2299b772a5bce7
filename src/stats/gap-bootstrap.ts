import type { SkillCpiLink } from './analyze-links.js';
import { percentileInterval, resampleInto } from './bootstrap.js';
import { gapEstimator, type GapData } from './gap-parameters.js';
import { gapTerm } from './gap-score.js';
import { mulberry32 } from './prng.js';

/** What stays fixed across resamples: the reps' own values and shortfalls, the weights and targets. */
export interface GapModel {
  data: GapData;
  /** ES per rep × CPI (NaN: no data). */
  shortfall: Float64Array;
  weight: number[];
  proficiency: number[];
}

/**
 * Percentile intervals of the gap scores ({@link scoreGaps}) over seeded bootstrap
 * resamples of reps: each resample re-estimates SDₛ, SD_c and the gated links' β̃
 * ({@link estimateGapParameters}) and rescores every rep with their own values.
 * Keyed by rep index · skills + skill index. Only a rep below target in a skill
 * with a gated link can score above 0; every other gap's interval is [0, 0].
 */
export function bootstrapGapIntervals(
  model: GapModel,
  links: readonly SkillCpiLink[],
  options: { replicates: number; seed: number; confidence: number },
): Map<number, { lower: number; upper: number }> {
  const { data, shortfall, weight, proficiency } = model;
  const [n, S, C] = [data.teams.length, data.skills.length, data.cpis.length];
  const gated = links.filter((l) => l.q !== null && l.q <= 0.1);
  // The CPIs each skill has a gated link to (worked out once, not per rep).
  const linkedBySkill = data.skills.map((skill) => data.cpis.flatMap((cpi, c) => (gated.some((l) => l.skill === skill && l.cpi === cpi) ? [c] : [])));
  const active = [...Array(n).keys()].flatMap((i) =>
    data.skills.flatMap((_, s) => {
      const shortOf = proficiency[s]! - data.scores[i * S + s]!;
      const linked = linkedBySkill[s]!;
      if (!(shortOf > 0) || linked.length === 0) return [];
      return [{ i, s, shortOf, linked, draws: new Float64Array(options.replicates) }];
    }),
  );
  const random = mulberry32(options.seed);
  const estimate = gapEstimator(data, gated);
  const sample = new Int32Array(n);
  for (let b = 0; b < options.replicates && active.length > 0; b++) {
    const params = estimate(resampleInto(sample, random));
    for (const { i, s, shortOf, linked, draws } of active) {
      const d = params.skillSd[s]! > 0 ? shortOf / params.skillSd[s]! : 0;
      let total = 0;
      for (const c of linked) {
        total += gapTerm(params.betaTilde[s * C + c]!, d, shortfall[i * C + c]!, params.cpiSd[c]!, weight[c]!);
      }
      draws[b] = total;
    }
  }
  return new Map(active.map((e) => [e.i * S + e.s, percentileInterval(e.draws, options.confidence)]));
}
