/**
 * The stated model behind the demo workspace. Everything is drawn from seeded streams
 * (mulberry32, seed 20240611, one stream per concern) over the 365 days ending at the load
 * instant T. N = a standard normal draw; logistic(x) = 1/(1+e^−x); L(x) = clamp(round(x), 1, 5).
 * Months are UTC calendar months counted from the window: month k = 0 is the first whole month
 * after the window starts (k = −1 the partial one it starts in); k = 11 is the month of T (10
 * when T falls on a 29 February).
 *
 * Skills. 3 teams × 12 reps, 6 skills. Good reps tend to be good at everything: rep r's
 *   standardised proficiency in skill s is z_rs = 0.7·g_r + 0.714·e_rs (0.714 = √0.51, so
 *   var z = 1 and every pair of skills correlates 0.49), g_r a general factor and e_rs the
 *   skill's own part. Within each team the 7 columns g, e_1 … e_6 are standard normal draws
 *   made exactly orthogonal with unit sample SD (Gram–Schmidt), so within a team every pair of
 *   skills correlates exactly 0.49 at the start (no chance overlap among a dozen reps).
 *   θ_rs(0) = clamp(62 + team offset_s + 12·z_rs, 20, 98). Team offsets: Iberia
 *   objection-handling −8, value-messaging +4; DACH product-knowledge +6, quoting −8;
 *   North America content-usage −6, discovery +6.
 *   z_rs(t) = (θ_rs(t) − 62)/12 is the standardised proficiency at time t (team offset and
 *   training included); it is what the work mix and the answers below use.
 * Assessments measure θ with noise: score = clamp(round(θ_rs(t) + 5·N), 0, 100) (reliability
 *   ≈ 0.85), at baseline (days 5–40 of the window), 20–40 days after each course or coaching
 *   session in the skill (not after follow-ups), and for 40% of pairs again on days 190–235.
 *   5 reps (drawn) were never assessed in 2–3 of their skills (drawn): missing, never 0.
 *   Across all 36 reps the baseline scores of two skills correlate about 0.34 (0.49 attenuated
 *   by the assessment noise and the team offsets).
 * Training changes θ, ramping in linearly over the 14 days after completion. Courses are booked
 *   for the year and delivered in waves, on days 4–25 of the month in working hours (UTC; a
 *   weekend day moves to the Monday):
 *   - objection-handling bootcamp (course): 12 reps drawn at random among those assessed in
 *     objection handling, 4 each in months 4, 5 and 6: +24 (2 SD) — it works;
 *   - value-messaging e-learning (course): 9 of the other reps at random, 3 each in months
 *     7, 8 and 9: +0 — it transfers nothing.
 *   Coaching after a bad month: on day 8 of month k (00:00 UTC) a trainer ranks the team's reps
 *   with ≥ 5 answers to one question in month k − 1 (answers submitted by then), lowest mean
 *   first (ties by rep order), and coaches the first rep of the bottom half (the ⌊n/2⌋ lowest)
 *   who is not passed over, on days 8–14 (working hours; a weekend day moves to the Monday);
 *   none of the bottom half left → no session. Passed over: coached in that skill before; a course or coaching completed in
 *   months k−3 … k−1; a course booked in months k … k+4. (So no rep's trainings ever fall within
 *   three months of each other.)
 *   - value-messaging coaching after a low added-value month (Iberia's trainer in months 2–10,
 *     North America's in months 2, 4, 6, 8, 10): +12 for three in four coached reps, +0 for the
 *     rest (drawn) — it works, on average +9 (0.75 SD);
 *   - product-knowledge coaching after a low first-contact-resolution month (DACH's trainer in
 *     months 2–10, North America's in months 3, 5, 7, 9): +0 — it does nothing, yet the reps
 *     it picks recover anyway (their bad month was partly bad luck: regression to the mean).
 *   Half of the coached reps get a follow-up session 21–35 days later (no further effect).
 *   The Iberia trainer has planned sessions for the 3 Iberia reps weakest in objection-handling
 *   at T, 3, 7 and 11 days ahead.
 * Interactions. ~12,000: each rep's share ∝ an activity factor U(0.75, 1.25), uniform over the
 *   year in the team's business hours (8:00–18:00 local; a weekend draw is kept 5% of the time,
 *   else redrawn). The work mix follows discovery: P(type) ∝ base share ×
 *   exp(b_type·z_discovery(t)), base shares call 34%, meeting 20%, demo 14%, quote 16%,
 *   support 16%, b_demo = +0.8, b_support = −0.6, 0 for the rest (z = +1: demos 28%, support
 *   8%; z = −1: demos 6%, support 28%). Each rep serves a book of 110 customers, the k-th with
 *   weight 1/k^0.75, in the team's locales (Iberia es/en/de, DACH de/en, North America
 *   en/es). Content is shared in 20% of calls, 45% of meetings, 65% of demos, 50% of quotes,
 *   15% of support contacts (one item, a quarter of the time two). 1% of those older than
 *   45 days reached the CRM 16–40 days late; the others 5–40 minutes after they happened. Four
 *   more (calls and meetings 25–100 minutes before T) still wait for their invitations.
 * Surveys follow the default rules (sent 2 h after, one invitation per customer per 14 days,
 *   link valid 14 days, a reminder after 3 days), so later interactions of a customer are
 *   suppressed for fatigue; late ones are too old; one North America rep has been excluded
 *   for the last 45 days; 1.2% of customers who let an invitation expire unsubscribe.
 *   For every invitation sent, what the customer would answer is drawn first (below), with
 *   their experience η ~ N(0, 1) of the contact, relative to what that rep, their skills
 *   and the kind of contact lead them to expect. They answer (before the link expires) with
 *   probability logistic(β_r + 0.5·(η² − 1)), U-shaped in η: after a good or a bad
 *   experience more than after an ordinary one (β_r = 0.25: 0.44 at η = 0, 0.56 at |η| = 1,
 *   0.85 at |η| = 2). β_r = 0.25 + 0.35·N per rep, but logit(0.9) for one DACH rep and
 *   logit(0.3) for one North America rep; 78% of answers come before the reminder.
 * Answers, at the interaction's time t, with u_r = 0.15·N a rep effect shared by all answers,
 *   η the customer's experience (shared by the answers of one invitation) and δ = N drawn
 *   afresh for each answer:
 *   P(resolved_first_contact = yes) = logistic(0.5 + 0.6·z_product-knowledge + u_r + type + 0.6·η),
 *     type: support −0.35, meeting +0.1, quote +0.15, demo +0.2, call 0
 *   decision_clearer = L(3.45 + 0.45·z_objection-handling + u_r + type + 0.5·η + 0.7·δ),
 *     type: demo +0.6, meeting +0.15, quote +0.1, call 0, support −0.5
 *   added_value      = L(3.55 + 0.40·z_value-messaging + u_r + 0.30·[t ≥ month 6] + 0.5·η + 0.7·δ)
 *     (the company-wide change: from the first instant of month 6 every rep's added value
 *     steps up by 0.30, a product launch)
 *   content_useful   = L(3.35 + 0.40·z_content-usage + mean quality of the items shared
 *                        (−0.4 … +0.35) + u_r + 0.5·η + 0.7·δ), asked only when content was shared
 *   quote turnaround (hours, quote interactions) = exp(ln 22 − 0.35·z_quoting + 0.6·N)
 *   Each asked question is skipped (NULL) with p = 0.05. A comment, in the customer's
 *   language and in the tone of the answers, with p = 0.08 (0.20 after a low answer);
 *   consent to be contacted with p = 0.35 with a comment, 0.05 without. Two customers of
 *   open invitations have started answering without submitting (partial responses).
 *
 * What an analysis should recover (the truth, per CPI; effects per SD of the true skill,
 * before rounding to the 1–5 scale, which shrinks them a little):
 *   CPI               real skill effect                 other skills         other causes
 *   FCR               product-knowledge +0.6 logit      none (via g only)    type; mix
 *   decision clarity  objection-handling +0.45          none (via g only)    type (demo +0.6 …
 *                                                                            support −0.5); mix
 *   added value       value-messaging +0.40             none (via g only)    +0.30 from month 6
 *   content useful    content-usage +0.40               none (via g only)    content quality
 *   quote turnaround  quoting −0.35 log hours           none (via g only)    —
 *   Discovery drives no answer at all: it only travels with the others through g (r 0.49) and
 *   shapes the work mix — a discovery-strong rep runs more demos and fewer support contacts,
 *   so their raw decision clarity is higher without any effect of the skill (the expected
 *   type effect of a rep's mix rises ≈ 0.12 per SD of discovery; FCR a little too); an
 *   estimate at the common interaction mix removes that. Every other skill also correlates
 *   0.49 with each real driver, so one skill's correlation with one CPI across reps finds
 *   bystanders; only a model of all skills together (and the mix) separates them.
 *   Selection on answering: η is centred on what the rep and the contact lead a customer to
 *   expect, so answering is U-shaped in the answer that would be given, the extremes (1s, 5s,
 *   "no" and "yes" far from the rep's usual) are over-represented among respondents, and every
 *   CPI's expected value per rep moves only through the clamping of the scale and the
 *   logistic curve of FCR (slightly); the response rate says nothing about a rep's level.
 *   Training (cohort = month of completion):
 *     objection-handling bootcamp, course, months 4/5/6 × 4 reps drawn at random: θ +24 →
 *       decision clarity +0.90 before the 1–5 scale's rounding and clamping (about +0.7 measured).
 *     value-messaging e-learning, course, months 7/8/9 × 3 random reps: no effect.
 *     value-messaging coaching after a low added-value month: θ +12 for three in four (+9 on
 *       average) → added value +0.40 for those, +0.30 on average.
 *     product-knowledge coaching after a low-FCR month: no effect; picked on a transient dip,
 *       so a before/after comparison shows a recovery that is not the coaching's.
 *   Company-wide: added value +0.30 for everyone from month 6 (a common shock any before/after
 *   comparison straddling month 6 picks up).
 */
import type { InteractionType } from '../schema';
import type { DemoSkill } from './catalog';
import type { RandomSource } from '../../src/stats/prng';
import { addMonths, monthKey, monthStart } from '../../src/lib/periods';
import { DAY_MS } from '../../src/lib/days';

export const DEMO_SEED = 20240611;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const WINDOW_DAYS = 365;
const RAMP_MS = 14 * DAY_MS;

export const PROFICIENCY_MEAN = 62;
export const PROFICIENCY_SD = 12;
/** z_rs = G_LOADING·g_r + SPECIFIC_LOADING·e_rs: unit variance, pairwise r = G_LOADING² = 0.49. */
export const G_LOADING = 0.7;
export const SPECIFIC_LOADING = Math.sqrt(1 - G_LOADING ** 2);

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
  /** A random order of `items` (Fisher–Yates). */
  shuffled<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
export const logit = (p: number) => Math.log(p / (1 - p));
export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const likert = (x: number) => clamp(Math.round(x), 1, 5);

/**
 * Month k of the window (UTC calendar months): k = 0 is the first whole month after the
 * window starts, k = −1 the partial one it starts in; k = 11 is the (partial) month of the load.
 */
export function monthIndexStart(windowStart: number, k: number): number {
  return monthStart(addMonths(monthKey(windowStart), k + 1));
}

/** The month index k of instant t (see {@link monthIndexStart}). */
export function monthIndexOf(windowStart: number, t: number): number {
  const a = monthKey(windowStart);
  const b = monthKey(t);
  return (Math.floor(b / 100) - Math.floor(a / 100)) * 12 + (b % 100) - (a % 100) - 1;
}

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

const ASSESSMENT_NOISE_SD = 5;

export function assessmentScore(draw: Draw, theta: number): number {
  return clamp(Math.round(theta + ASSESSMENT_NOISE_SD * draw.normal()), 0, 100);
}

/** The work mix at z_discovery = 0. */
export const INTERACTION_TYPE_SHARES: [InteractionType, number][] = [
  ['call', 0.34],
  ['meeting', 0.2],
  ['demo', 0.14],
  ['quote', 0.16],
  ['support', 0.16],
];

/** How the work mix tilts with discovery: share ∝ base share × exp(b·z_discovery). */
const MIX_DISCOVERY_SLOPE: Record<InteractionType, number> = {
  call: 0,
  meeting: 0,
  demo: 0.8,
  quote: 0,
  support: -0.6,
};

/** The work mix of a rep whose discovery is z: [type, probability]. */
export function interactionTypeShares(zDiscovery: number): [InteractionType, number][] {
  const weights = INTERACTION_TYPE_SHARES.map(
    ([type, share]) => [type, share * Math.exp(MIX_DISCOVERY_SLOPE[type] * zDiscovery)] as [InteractionType, number],
  );
  const total = weights.reduce((s, [, w]) => s + w, 0);
  return weights.map(([type, w]) => [type, w / total]);
}

export const CONTENT_SHARE_BY_TYPE: Record<InteractionType, number> = {
  call: 0.2,
  meeting: 0.45,
  demo: 0.65,
  quote: 0.5,
  support: 0.15,
};

const FCR_TYPE_EFFECT: Record<InteractionType, number> = {
  call: 0,
  meeting: 0.1,
  demo: 0.2,
  quote: 0.15,
  support: -0.35,
};
export const DECISION_TYPE_EFFECT: Record<InteractionType, number> = {
  call: 0,
  meeting: 0.15,
  demo: 0.6,
  quote: 0.1,
  support: -0.5,
};

/** The company-wide change: added value steps up by this much from the start of month k = 6. */
export const ADDED_VALUE_STEP = { month: 6, delta: 0.3 };

/** The rep's base propensity to answer (on the logit scale). */
export function baseResponseLogit(draw: Draw): number {
  return 0.25 + 0.35 * draw.normal();
}

/** U-shape of answering in the customer's experience η: the customer answers with logistic(base + γ·(η² − 1)). */
const RESPONSE_U = 0.5;

export function answerProbability(baseLogit: number, experience: number): number {
  return logistic(baseLogit + RESPONSE_U * (experience * experience - 1));
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
  /** The company-wide change in effect at the interaction's time (0 before it). */
  addedValueShift: number;
}

export interface ModelAnswers {
  resolvedFirstContact: number;
  decisionClearer: number;
  addedValue: number;
  contentUseful: number | null;
}

/** What a customer would answer, and the experience η behind it, drawn for every invitation sent. */
export interface WouldBeAnswers {
  experience: number;
  answers: ModelAnswers;
}

const EXPERIENCE_LOADING = 0.5;
const ITEM_NOISE_SD = 0.7;

/** The answers a customer would give (before skipping), and their experience η. */
export function drawAnswers(draw: Draw, c: AnswerContext): WouldBeAnswers {
  const eta = draw.normal();
  const noise = () => EXPERIENCE_LOADING * eta + ITEM_NOISE_SD * draw.normal();
  const fcrYes = draw.chance(
    logistic(0.5 + 0.6 * c.z['product-knowledge'] + c.repEffect + FCR_TYPE_EFFECT[c.type] + 0.6 * eta),
  );
  const decisionClearer = likert(
    3.45 + 0.45 * c.z['objection-handling'] + c.repEffect + DECISION_TYPE_EFFECT[c.type] + noise(),
  );
  const addedValue = likert(3.55 + 0.4 * c.z['value-messaging'] + c.repEffect + c.addedValueShift + noise());
  const contentUseful =
    c.contentQuality === null
      ? null
      : likert(3.35 + 0.4 * c.z['content-usage'] + c.contentQuality + c.repEffect + noise());
  return {
    experience: eta,
    answers: { resolvedFirstContact: fcrYes ? 1 : 0, decisionClearer, addedValue, contentUseful },
  };
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
  return 3 * DAY_MS + Math.min(10 * 24, Math.exp(Math.log(8) + 1.2 * draw.normal())) * HOUR;
}
