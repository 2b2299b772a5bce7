import {
  mulberry32,
  seedFor,
  trainingEffects,
  type CpiKey,
  type PanelCell,
  type RandomSource,
  type TrainingEffectsInput,
  type TrainingEvent,
} from '../../../src/stats/index.js';
import { normal } from './synthetic-reps.js';
import { repKey } from './training-panel.js';

/** The simulations' organisation: 48 reps in 4 teams of 12, months 0…11. */
const SIM_REPS = 48;
const SIM_MONTHS = 12;
const TEAMS = ['north', 'south', 'east', 'west'];

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/** Each answer falls in a uniformly drawn month: the monthly counts of one rep (multinomial). */
function monthlyCounts(answers: number, random: RandomSource): number[] {
  const counts = new Array<number>(SIM_MONTHS).fill(0);
  for (let a = 0; a < answers; a++) counts[Math.floor(random() * SIM_MONTHS)]!++;
  return counts;
}

const simReps = () => Array.from({ length: SIM_REPS }, (_, i) => ({ rep: repKey(i), team: TEAMS[i % TEAMS.length]! }));

/**
 * Scenario (a), coaching after a bad month: 150 answers per rep over the year, FCR
 * Bernoulli with a per-rep logit 0.5 + 0.25·N(0,1) that never changes; in month 6 the
 * 10 reps lowest on FCR in month 5 (ties by rep order) are coached in 'discovery'. No effect.
 */
export function simulateCoachingAfterBadMonth(random: RandomSource): {
  input: TrainingEffectsInput;
  coached: string[];
} {
  const reps = simReps();
  const panel: PanelCell[] = [];
  const month5: { rep: string; rate: number }[] = [];
  for (const { rep } of reps) {
    const p = logistic(0.5 + 0.25 * normal(random));
    monthlyCounts(150, random).forEach((n, month) => {
      let sum = 0;
      for (let a = 0; a < n; a++) sum += random() < p ? 1 : 0;
      if (n > 0) panel.push({ rep, cpi: 'fcr', month, n, sum });
      if (month === 5 && n > 0) month5.push({ rep, rate: sum / n });
    });
  }
  const coached = [...month5]
    .sort((a, b) => a.rate - b.rate)
    .slice(0, 10)
    .map((r) => r.rep);
  const events: TrainingEvent[] = coached.map((rep) => ({ rep, skill: 'discovery', kind: 'coaching', month: 6 }));
  return { input: { reps, panel, events }, coached };
}

/** The CPIs scenario (b)/(c) simulates: the course's effect (if any) is on added value only. */
const STAGGERED_CPIS: readonly CpiKey[] = ['addedValue', 'contentUseful', 'decisionClearer'];

/**
 * Scenarios (b) and (c), staggered courses with a common shock: 300 answers per rep over
 * the year; each CPI a continuous score (not rounded, so a planted +0.5 stays +0.5 on the
 * measured scale): rep level 3.5 + 0.3·N(0,1) per CPI, +0.5 for everyone from month 7
 * (the shock), answer noise N(0, 0.9²). 24 random reps complete a 'discovery' course in a
 * uniform month of 3…9, which adds `effect` to added value from the completion month on.
 */
function simulateStaggeredCourses(random: RandomSource, effect: number): TrainingEffectsInput {
  const reps = simReps();
  const order = reps.map((_, i) => ({ i, key: random() })).sort((a, b) => a.key - b.key);
  const courseMonth = new Map<number, number>();
  for (const { i } of order.slice(0, 24)) courseMonth.set(i, 3 + Math.floor(random() * 7));
  const panel: PanelCell[] = [];
  reps.forEach(({ rep }, i) => {
    const counts = monthlyCounts(300, random);
    const g = courseMonth.get(i);
    for (const cpi of STAGGERED_CPIS) {
      const level = 3.5 + 0.3 * normal(random);
      counts.forEach((n, month) => {
        if (n === 0) return;
        const mu =
          level + (month >= 7 ? 0.5 : 0) + (cpi === 'addedValue' && g !== undefined && month >= g ? effect : 0);
        panel.push({ rep, cpi, month, n, sum: n * mu + Math.sqrt(n) * 0.9 * normal(random) });
      });
    }
  });
  const events: TrainingEvent[] = [...courseMonth].map(([i, month]) => ({
    rep: repKey(i),
    skill: 'discovery',
    kind: 'course',
    month,
  }));
  return { reps, panel, events };
}

/** What one scenario (b)/(c) run measured. */
export interface StaggeredRun {
  /** Share of datasets where the course's effect on added value was claimed (q ≤ .05 in the call's family). */
  found: number;
  meanEstimate: number;
  /** Share of the null CPIs' effects claimed. */
  nullClaims: number;
  /** Share of datasets whose added-value pre-trend interval excluded 0. */
  preTrendFlagged: number;
  /** Datasets where added value was not estimated. */
  notEstimated: number;
  seconds: number;
}

/** Runs scenario (b)/(c) over seeded datasets: one trainingEffects call over STAGGERED_CPIS per dataset. */
export function runStaggered(options: {
  effect: number;
  datasets: number;
  seed: number;
  replicates: number;
}): StaggeredRun {
  const started = performance.now();
  let [found, nullClaims, estimates, sum, flagged] = [0, 0, 0, 0, 0];
  for (let d = 0; d < options.datasets; d++) {
    const input = simulateStaggeredCourses(
      mulberry32(seedFor(options.seed, 'staggered', String(options.effect), String(d))),
      options.effect,
    );
    const effects = trainingEffects(input, {
      fromMonth: 0,
      toMonth: 11,
      cpis: STAGGERED_CPIS,
      seed: d,
      replicates: options.replicates,
    });
    const added = effects.find((e) => e.cpi === 'addedValue');
    if (added?.claimed) found++;
    if (added?.status === 'ok') [estimates, sum] = [estimates + 1, sum + added.effect];
    if (added?.preTrend && !added.preTrend.ok) flagged++;
    nullClaims += effects.filter((e) => e.cpi !== 'addedValue' && e.claimed).length;
  }
  return {
    found: found / options.datasets,
    meanEstimate: sum / estimates,
    nullClaims: nullClaims / ((STAGGERED_CPIS.length - 1) * options.datasets),
    preTrendFlagged: flagged / options.datasets,
    notEstimated: options.datasets - estimates,
    seconds: (performance.now() - started) / 1000,
  };
}
