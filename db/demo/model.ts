/**
 * The stated model behind the demo workspace. Everything is drawn from seeded streams
 * (mulberry32, seed 20240611) over the 365 days ending at the load instant T.
 * N = a standard normal draw; logistic(x) = 1/(1+e^−x); L(x) = clamp(round(x), 1, 5).
 *
 * Skills. 3 teams × 12 reps, 6 skills. Rep r's starting proficiency in skill s is
 *   θ_rs(0) = clamp(62 + team offset_s + 12·z_rs, 20, 98), where the z are standard normal
 *   draws made exactly uncorrelated across skills within each team (so no chance overlap
 *   between two skills can pass for a link). Team offsets: Iberia objection-handling −8,
 *   value-messaging +4; DACH product-knowledge +6, quoting −8; North America
 *   content-usage −6, discovery +6.
 * Training changes θ, ramping in linearly over the 14 days after completion:
 *   - an objection-handling bootcamp (course, days 150–156) for the 10 reps weakest in it: +12;
 *   - 1–2 other courses per rep, random skill, days 40–300: +0, +0, +4 or +8 (half transfer nothing);
 *   - coaching by the team's trainer for the 7 reps weakest in value-messaging (days 120–240)
 *     and the 5 weakest in quoting (days 160–220): +12 for three in four, +0 for the rest;
 *     half get a follow-up session 3–5 weeks later (no further effect).
 *   z_rs(t) = (θ_rs(t) − 62)/12 is the standardised proficiency at time t.
 * Assessments measure θ with noise: score = clamp(round(θ_rs(t) + 5·N), 0, 100), at baseline
 *   (days 5–40), 20–40 days after each course or coaching in the skill, and for 40% of pairs
 *   again on days 190–235. 8% of rep × skill pairs are never assessed (missing, never 0).
 * Interactions. ~12,000: each rep's share ∝ an activity factor U(0.75, 1.25), on weekdays in
 *   the team's business hours; types call 34%, meeting 20%, demo 14%, quote 16%,
 *   support 16%. Each rep serves a book of 110 customers, the k-th with weight 1/k^0.75, in
 *   the team's locales (Iberia es/en/de, DACH de/en, North America en/es). Content is shared
 *   in 20% of calls, 45% of meetings, 65% of demos, 50% of quotes, 15% of support contacts
 *   (one item, a quarter of the time two). 1% of those older than 45 days reached the CRM
 *   16–40 days late.
 * Surveys follow the default rules (sent 2 h after, one invitation per customer per 14 days,
 *   link valid 14 days, a reminder after 3 days), so later interactions of a customer are
 *   suppressed for fatigue; late ones are too old; one North America rep has been excluded
 *   for the last 45 days; 1.2% of customers who let an invitation expire unsubscribe.
 *   A sent invitation is answered with probability ρ_r = logistic(0.25 + 0.35·N) per rep
 *   (one DACH rep 0.9, one North America rep 0.3), 78% of answers before the reminder.
 *   Whether a customer answers does not depend on what they would answer.
 * Answers, at the interaction's time t, with u_r = 0.15·N a rep effect shared by all answers
 *   and ε = 0.85·N drawn afresh for each answer:
 *   P(resolved_first_contact = yes) = logistic(0.5 + 0.6·z_product-knowledge + u_r + type),
 *     type: support −0.35, meeting +0.1, quote +0.15, demo +0.2, call 0
 *   decision_clearer = L(3.45 + 0.45·z_objection-handling + u_r + ε − 0.3·[support])
 *   added_value      = L(3.55 + 0.40·z_value-messaging + u_r + ε)
 *   content_useful   = L(3.35 + 0.40·z_content-usage + mean quality of the items shared
 *                        (−0.4 … +0.35) + u_r + ε), asked only when content was shared
 *   quote turnaround (hours, quote interactions) = exp(ln 22 − 0.35·z_quoting + 0.6·N)
 *   discovery drives nothing: a null the analyses should not flag.
 *   Each asked question is skipped (NULL) with p = 0.05. A comment, in the customer's
 *   language and in the tone of the answers, with p = 0.08 (0.20 after a low answer);
 *   consent to be contacted with p = 0.35 with a comment, 0.05 without. Two customers of
 *   open invitations have started answering without submitting (partial responses).
 */
import type { InteractionType } from '../schema';
import type { DemoSkill } from './catalog';
import type { RandomSource } from '../../src/stats/prng';

export const DEMO_SEED = 20240611;
export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const WINDOW_DAYS = 365;
const RAMP_MS = 14 * DAY;

export const PROFICIENCY_MEAN = 62;
export const PROFICIENCY_SD = 12;

/** Draws from one seeded stream. */
export class Draw {
  constructor(private readonly random: RandomSource) {}
  u(): number {
    return this.random();
  }
  between(a: number, b: number): number {
    return a + (b - a) * this.random();
  }
  /** An integer in [a, b]. */
  int(a: number, b: number): number {
    return a + Math.floor(this.random() * (b - a + 1));
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  /** Box–Muller. */
  normal(): number {
    const u1 = 1 - this.random();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * this.random());
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.random() * items.length)];
    if (item === undefined) throw new Error('Draw.pick: empty list');
    return item;
  }
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let x = this.random() * total;
    for (const [item, w] of pairs) if ((x -= w) < 0) return item;
    const last = pairs[pairs.length - 1];
    if (!last) throw new Error('Draw.weighted: empty list');
    return last[0];
  }
}

export const logistic = (x: number) => 1 / (1 + Math.exp(-x));
export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const likert = (x: number) => clamp(Math.round(x), 1, 5);

/** A change of proficiency from a course or coaching, ramping in over 14 days after `at`. */
export interface ProficiencyStep {
  at: number;
  delta: number;
}

export function proficiencyAt(start: number, steps: readonly ProficiencyStep[], t: number): number {
  let theta = start;
  for (const s of steps) theta += s.delta * clamp((t - s.at) / RAMP_MS, 0, 1);
  return clamp(theta, 0, 100);
}

export const standardise = (theta: number) => (theta - PROFICIENCY_MEAN) / PROFICIENCY_SD;

export function assessmentScore(draw: Draw, theta: number): number {
  return clamp(Math.round(theta + 5 * draw.normal()), 0, 100);
}

export const INTERACTION_TYPE_SHARES: [InteractionType, number][] = [
  ['call', 0.34],
  ['meeting', 0.2],
  ['demo', 0.14],
  ['quote', 0.16],
  ['support', 0.16],
];

export const CONTENT_SHARE_BY_TYPE: Record<InteractionType, number> = { call: 0.2, meeting: 0.45, demo: 0.65, quote: 0.5, support: 0.15 };

const FCR_TYPE_EFFECT: Record<InteractionType, number> = { call: 0, meeting: 0.1, demo: 0.2, quote: 0.15, support: -0.35 };

export function responsePropensity(draw: Draw): number {
  return logistic(0.25 + 0.35 * draw.normal());
}

export function quoteTurnaroundHours(draw: Draw, zQuoting: number): number {
  return Math.exp(Math.log(22) - 0.35 * zQuoting + 0.6 * draw.normal());
}

export interface AnswerContext {
  /** z of each skill at the interaction's time. */
  z: Record<DemoSkill, number>;
  repEffect: number;
  type: InteractionType;
  /** Mean quality of the content shared; null when none was. */
  contentQuality: number | null;
}

export interface ModelAnswers {
  resolvedFirstContact: number;
  decisionClearer: number;
  addedValue: number;
  contentUseful: number | null;
}

/** The answers a customer would give, before skipping. */
export function drawAnswers(draw: Draw, c: AnswerContext): ModelAnswers {
  const fcrYes = draw.chance(logistic(0.5 + 0.6 * c.z['product-knowledge'] + c.repEffect + FCR_TYPE_EFFECT[c.type]));
  const decisionClearer = likert(3.45 + 0.45 * c.z['objection-handling'] + c.repEffect + 0.85 * draw.normal() - (c.type === 'support' ? 0.3 : 0));
  const addedValue = likert(3.55 + 0.4 * c.z['value-messaging'] + c.repEffect + 0.85 * draw.normal());
  const contentUseful =
    c.contentQuality === null ? null : likert(3.35 + 0.4 * c.z['content-usage'] + c.contentQuality + c.repEffect + 0.85 * draw.normal());
  return { resolvedFirstContact: fcrYes ? 1 : 0, decisionClearer, addedValue, contentUseful };
}

export const SKIP_PROBABILITY = 0.05;

export function commentProbability(anyLow: boolean): number {
  return anyLow ? 0.2 : 0.08;
}

export function consentProbability(hasComment: boolean): number {
  return hasComment ? 0.35 : 0.05;
}

/**
 * Hours from sending to answering, for a customer who answers: 78% before the reminder
 * (median 5 h, under 70 h), the rest after it (3 days + median 8 h, under 13.5 days).
 */
export function answerDelayMs(draw: Draw): number {
  if (draw.chance(0.78)) return Math.min(70, Math.exp(Math.log(5) + 1.1 * draw.normal())) * HOUR;
  return 3 * DAY + Math.min(10 * 24, Math.exp(Math.log(8) + 1.2 * draw.normal())) * HOUR;
}
