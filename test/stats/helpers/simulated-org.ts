import {
  CPI_KEYS,
  typeAdjustedEffectsFromSummaries,
  type CpiKey,
  type JointLinkRep,
  type JointLinksInput,
  type RandomSource,
  type RepTypeSummary,
} from '../../../src/stats/index.js';
import { normal } from './synthetic-reps.js';

/** The six skills of the simulations; product knowledge drives FCR in the correlated-skills scenario. */
export const SIM_SKILLS = ['discovery', 'demoSkill', 'negotiation', 'objections', 'productKnowledge', 'listening'];

export type Scenario =
  /** (a) skills correlate through a general factor; FCR depends on product knowledge and team only. */
  | 'correlated-skills'
  /** (b) no skill effect; reps with more discovery get more demos, and demos clarify decisions more. */
  | 'work-mix';

export interface SimulatedOrg {
  reps: JointLinkRep[];
  /** Per CPI, what SQL would return per rep × interaction type. */
  summaries: Record<CpiKey, RepTypeSummary[]>;
  /** z of the latent skill scores, per rep (for checks). */
  latent: number[][];
}

const TEAMS = ['north', 'south', 'east', 'west'];
const TEAM_SHIFT = [-0.4, -0.1, 0.1, 0.4]; // on the FCR logit
const MIXED_TYPES = ['call', 'demo', 'meeting', 'support'];
const TYPE_LIKERT_SHIFT: Record<string, number> = { call: 0, demo: 0.3, meeting: 0.1, support: -0.2 };
const TYPE_FCR_SHIFT: Record<string, number> = { call: 0, demo: 0.2, meeting: 0.1, support: -0.4 };
// Likert distributions over 1..5 with means 4.1 (demo) and 3.1 (support), for the work-mix scenario.
const CLARITY_DEMO = [0.02, 0.05, 0.13, 0.41, 0.39];
const CLARITY_SUPPORT = [0.1, 0.2, 0.31, 0.28, 0.11];

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * One simulated organisation: 48 reps in 4 teams of 12, 80 answers each, six skills
 * scored 70 + 12·(0.8·g + 0.6·eₛ) (rounded, within 0–100; skills correlate 0.64).
 * Answers per CPI are drawn per interaction, then summed per rep × type.
 * - FCR (0/1): logit 0.6 + team shift + type shift, plus 0.8·z(product knowledge) in (a).
 * - contentUseful, addedValue, and decisionClearer in (a): Likert, round(N(3.6 + rep effect
 *   (SD 0.25, unrelated to skills) + type shift, 1)) within 1–5.
 * - decisionClearer in (b): drawn from fixed distributions with mean 4.1 on demos, 3.1 on support.
 * - quoteTurnaround: log hours N(log 24 + rep effect (SD 0.3) + type shift, 0.7).
 * Interaction types: (a) each rep its own random mix of four types; (b) demo with
 * probability logistic(1.6·z(discovery)), else support.
 */
export function simulateOrg(random: RandomSource, scenario: Scenario, repCount = 48, answers = 80): SimulatedOrg {
  const reps: JointLinkRep[] = [];
  const latent: number[][] = [];
  const summaries = Object.fromEntries(CPI_KEYS.map((cpi) => [cpi, [] as RepTypeSummary[]])) as Record<
    CpiKey,
    RepTypeSummary[]
  >;
  const types = scenario === 'work-mix' ? ['demo', 'support'] : MIXED_TYPES;
  // Per rep: n, sum, sum of squares per CPI × type, flushed into summaries after the rep's answers.
  const sums = new Float64Array(CPI_KEYS.length * types.length * 3);
  const add = (c: number, type: number, y: number): void => {
    const at = (c * types.length + type) * 3;
    sums[at] = sums[at]! + 1;
    sums[at + 1] = sums[at + 1]! + y;
    sums[at + 2] = sums[at + 2]! + y * y;
  };
  const likert = (mean: number): number => Math.min(5, Math.max(1, Math.round(mean + normal(random))));
  const categorical = (probabilities: readonly number[]): number => {
    let u = random();
    for (let k = 0; k < probabilities.length; k++) {
      u -= probabilities[k]!;
      if (u < 0) return k + 1;
    }
    return probabilities.length;
  };
  for (let i = 0; i < repCount; i++) {
    const rep = `rep${String(i).padStart(2, '0')}`;
    const t = i % TEAMS.length;
    const g = normal(random);
    const z = SIM_SKILLS.map(() => 0.8 * g + 0.6 * normal(random));
    latent.push(z);
    const skills = Object.fromEntries(
      SIM_SKILLS.map((skill, s) => [skill, Math.min(100, Math.max(0, Math.round(70 + 12 * z[s]!)))]),
    );
    reps.push({ rep, team: TEAMS[t]!, skills });
    const mix = MIXED_TYPES.map(() => random() ** 2 + 0.05);
    const mixTotal = mix.reduce((s, m) => s + m, 0);
    const pDemo = logistic(1.6 * z[SIM_SKILLS.indexOf('discovery')]!);
    const likertEffects = [0, 1, 2].map(() => 0.25 * normal(random));
    const hoursEffect = 0.3 * normal(random);
    const driver = scenario === 'correlated-skills' ? 0.8 * z[SIM_SKILLS.indexOf('productKnowledge')]! : 0;
    sums.fill(0);
    for (let a = 0; a < answers; a++) {
      const k = scenario === 'work-mix' ? (random() < pDemo ? 0 : 1) : pick(mix, mixTotal, random);
      const type = types[k]!;
      add(0, k, random() < logistic(0.6 + TEAM_SHIFT[t]! + TYPE_FCR_SHIFT[type]! + driver) ? 1 : 0);
      add(1, k, likert(3.6 + likertEffects[0]! + TYPE_LIKERT_SHIFT[type]!));
      const clarity =
        scenario === 'work-mix'
          ? categorical(type === 'demo' ? CLARITY_DEMO : CLARITY_SUPPORT)
          : likert(3.6 + likertEffects[2]! + TYPE_LIKERT_SHIFT[type]!);
      add(2, k, clarity);
      add(3, k, likert(3.6 + likertEffects[1]! + TYPE_LIKERT_SHIFT[type]!));
      add(4, k, Math.log(24) + hoursEffect + 0.2 * TYPE_LIKERT_SHIFT[type]! + 0.7 * normal(random));
    }
    CPI_KEYS.forEach((cpi, c) =>
      types.forEach((type, k) => {
        const at = (c * types.length + k) * 3;
        if (sums[at]! > 0)
          summaries[cpi].push({ rep, type, n: sums[at]!, sum: sums[at + 1]!, sumOfSquares: sums[at + 2]! });
      }),
    );
  }
  return { reps, summaries, latent };
}

/** Stage 1 for every CPI: each rep's estimate at the common mix, from the rollups. */
export function stageOne(org: SimulatedOrg, adjustForType = true): JointLinksInput {
  const estimates = Object.fromEntries(
    CPI_KEYS.map((cpi) => {
      const cells = adjustForType ? org.summaries[cpi] : org.summaries[cpi].map((cell) => ({ ...cell, type: 'all' }));
      return [cpi, typeAdjustedEffectsFromSummaries(cells)];
    }),
  );
  return { reps: org.reps, estimates };
}

function pick(mix: readonly number[], total: number, random: RandomSource): number {
  let u = random() * total;
  for (let k = 0; k < mix.length; k++) {
    u -= mix[k]!;
    if (u < 0) return k;
  }
  return mix.length - 1;
}
