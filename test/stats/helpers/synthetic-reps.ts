import { mulberry32, type CpiKey, type GapRep, type RandomSource } from '../../../src/stats/index.js';

/** A standard normal draw (Box–Muller) from a seeded source. */
export function normal(random: RandomSource): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export const SKILLS = ['discovery', 'demo', 'negotiation', 'product', 'objections', 'followUp', 'listening', 'pricing'];

const CPI_CENTRE: Record<CpiKey, { mean: number; spread: number; posteriorSd: number }> = {
  fcr: { mean: 0.72, spread: 0.05, posteriorSd: 0.04 },
  contentUseful: { mean: 4, spread: 0.25, posteriorSd: 0.15 },
  decisionClearer: { mean: 3.8, spread: 0.25, posteriorSd: 0.15 },
  addedValue: { mean: 3.9, spread: 0.25, posteriorSd: 0.15 },
  quoteTurnaround: { mean: 30, spread: 6, posteriorSd: 4 },
};

export interface PlantedEffect {
  skill: string;
  cpi: CpiKey;
  /** Change in the CPI per SD of the skill score (in the CPI's units). */
  perSd: number;
}

/**
 * Seeded synthetic reps: skill scores ~ N(70, 12) clipped to [0, 100], CPIs
 * independent noise around typical values, plus an optional planted effect of
 * one skill on one CPI. Teams are assigned round-robin.
 */
export function syntheticReps(options: {
  seed: number;
  reps: number;
  teams?: number;
  skills?: readonly string[];
  effect?: PlantedEffect;
}): GapRep[] {
  const random = mulberry32(options.seed);
  const skills = options.skills ?? SKILLS;
  return Array.from({ length: options.reps }, (_, i) => {
    const scores = Object.fromEntries(skills.map((s) => [s, Math.min(100, Math.max(0, 70 + 12 * normal(random)))]));
    const cpis = Object.fromEntries(
      (Object.keys(CPI_CENTRE) as CpiKey[]).map((cpi) => {
        const { mean, spread, posteriorSd } = CPI_CENTRE[cpi];
        let estimate = mean + spread * normal(random);
        const effect = options.effect;
        if (effect && effect.cpi === cpi) estimate += effect.perSd * (((scores[effect.skill] ?? 70) - 70) / 12);
        return [cpi, { estimate, sd: posteriorSd }];
      }),
    );
    return { repId: `rep-${i}`, team: `team-${i % (options.teams ?? 4)}`, skills: scores, cpis };
  });
}
