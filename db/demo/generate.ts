/**
 * Generates the demo workspace in memory from a seed and the load instant, following the
 * model stated in ./model.ts. Pure: no database, no clock; the same (seed, now) gives the
 * same workspace. Each concern draws from its own stream (seedFor), so changing one part
 * does not reshuffle the others.
 */
import type { InteractionType, Locale, SuppressionReason } from '../schema';
import { mulberry32, seedFor } from '../../src/stats/prng';
import { DEMO_CONTENT, DEMO_SKILLS, DEMO_TEAMS, type DemoSkill } from './catalog';
import { CUSTOMER_NAMES, companyDomain, emailLocalPart } from './words';
import {
  Draw,
  G_LOADING,
  HOUR,
  CONTENT_SHARE_BY_TYPE,
  MINUTE,
  PROFICIENCY_MEAN,
  PROFICIENCY_SD,
  SPECIFIC_LOADING,
  WINDOW_DAYS,
  baseResponseLogit,
  clamp,
  interactionTypeShares,
  logit,
  proficiencyAt,
  quoteTurnaroundHours,
  standardise,
  type ProficiencyStep,
} from './model';
import { TrainingPlan, type GenTraining, type GenPlannedCoaching } from './training';
import { FeedbackCoaching, type GenCoachingDecision } from './coaching';
import { simulateSurveys, startPartialAnswers, type GenInvitation } from './surveys';
import { DAY_MS } from '../../src/lib/days';

export interface GenRep {
  index: number;
  team: number;
  name: string;
  email: string;
  activity: number;
  /** Base propensity to answer, on the logit scale (the U in the experience comes on top). */
  responseLogit: number;
  repEffect: number;
  /** The general factor g_r (standardised within the team). */
  general: number;
  theta0: Record<DemoSkill, number>;
  steps: Record<DemoSkill, ProficiencyStep[]>;
  /** Excluded from surveys since this instant (null: never). */
  excludedFrom: number | null;
}

export interface GenCustomer {
  index: number;
  team: number;
  email: string;
  name: string;
  locale: Locale;
  company: string;
  optedOutAt: number | null;
}

export interface GenInteraction {
  externalId: string;
  rep: number;
  customer: number;
  type: InteractionType;
  occurredAt: number;
  /** When the CRM delivered it (createdAt). */
  arrivedAt: number;
  quoteRequestedAt: number | null;
  quoteDeliveredAt: number | null;
  contentIds: string[];
  suppressionReason: SuppressionReason | null;
  invitation: GenInvitation | null;
}

export interface DemoWorkspace {
  seed: number;
  now: number;
  /** First instant of the 365 days. */
  start: number;
  reps: GenRep[];
  customers: GenCustomer[];
  interactions: GenInteraction[];
  training: GenTraining[];
  plannedCoaching: GenPlannedCoaching[];
  /** Each trainer's monthly look at last month's answers, and whom they coached. */
  coachingDecisions: GenCoachingDecision[];
}

const BOOK_SIZE = 110;
const INTERACTIONS_PER_REP = 12_000 / 36;
/** Reps with an odd base response propensity (a finding in survey health): [team, rep, ρ]. */
const ODD_RESPONSE_RATES: [number, number, number][] = [
  [1, 3, 0.9],
  [2, 7, 0.3],
];
/** A rep an admin excluded from surveys 45 days ago: [team, rep]. */
const EXCLUDED_REP: [number, number] = [2, 10];

export function generateDemoWorkspace(seed: number, now: number): DemoWorkspace {
  const start = now - WINDOW_DAYS * DAY_MS;
  const reps = makeReps(seed, now);
  // Baseline assessments and the courses booked for the year come first: courses shape
  // proficiency (and so the interactions drawn next); coaching reacts to answers, so it is
  // decided month by month while the surveys are replayed.
  const plan = new TrainingPlan(new Draw(mulberry32(seedFor(seed, 'training'))), reps, start, now);
  plan.assessBaseline();
  plan.bookCourses();
  const customers = makeCustomers(new Draw(mulberry32(seedFor(seed, 'customers'))), reps);
  const interactions = makeInteractions(seed, reps, start, now);
  const coaching = new FeedbackCoaching(
    new Draw(mulberry32(seedFor(seed, 'coaching'))),
    reps,
    interactions,
    plan,
    start,
    now,
  );
  simulateSurveys(new Draw(mulberry32(seedFor(seed, 'surveys'))), reps, customers, interactions, start, now, (t) =>
    coaching.decideUntil(t),
  );
  startPartialAnswers(new Draw(mulberry32(seedFor(seed, 'partial'))), customers, interactions, now);
  plan.assessAfterTraining(new Draw(mulberry32(seedFor(seed, 'assessments'))));
  return {
    seed,
    now,
    start,
    reps,
    customers,
    interactions,
    training: plan.finish(),
    plannedCoaching: plan.planCoaching(),
    coachingDecisions: coaching.decisions,
  };
}

function makeReps(seed: number, now: number): GenRep[] {
  const draw = new Draw(mulberry32(seedFor(seed, 'reps')));
  const reps: GenRep[] = [];
  DEMO_TEAMS.forEach((team, t) => {
    // Column 0 is the general factor g, columns 1–6 the skills' own parts e.
    const [g, ...e] = decorrelated(draw, team.reps.length, 1 + DEMO_SKILLS.length);
    team.reps.forEach((name, i) => {
      const theta0 = {} as Record<DemoSkill, number>;
      const steps = {} as Record<DemoSkill, ProficiencyStep[]>;
      DEMO_SKILLS.forEach(({ slug }, s) => {
        const z = G_LOADING * g![i]! + SPECIFIC_LOADING * e[s]![i]!;
        theta0[slug] = clamp(PROFICIENCY_MEAN + (team.skillOffsets[slug] ?? 0) + PROFICIENCY_SD * z, 20, 98);
        steps[slug] = [];
      });
      const odd = ODD_RESPONSE_RATES.find(([ot, oi]) => ot === t && oi === i);
      const responseLogit = baseResponseLogit(draw);
      reps.push({
        index: reps.length,
        team: t,
        name,
        email: `${emailLocalPart(name)}@demo.cpilens.test`,
        activity: draw.between(0.75, 1.25),
        responseLogit: odd ? logit(odd[2]) : responseLogit,
        repEffect: 0.15 * draw.normal(),
        general: g![i]!,
        theta0,
        steps,
        excludedFrom: EXCLUDED_REP[0] === t && EXCLUDED_REP[1] === i ? now - 45 * DAY_MS : null,
      });
    });
  });
  return reps;
}

/**
 * `columns` vectors of `n` standard normal draws, centred, made mutually orthogonal
 * (Gram–Schmidt) and scaled to unit sample SD: the general factor and the skills' own
 * parts have exactly zero sample correlation within a team, so every pair of skills
 * correlates exactly as stated (0.49) and no chance overlap among a dozen reps can pass
 * for a link.
 */
function decorrelated(draw: Draw, n: number, columns: number): number[][] {
  const out: number[][] = [];
  for (let c = 0; c < columns; c++) {
    let v = Array.from({ length: n }, () => draw.normal());
    const mean = v.reduce((a, b) => a + b, 0) / n;
    v = v.map((x) => x - mean);
    for (const u of out) {
      const dot = v.reduce((a, x, i) => a + x * u[i]!, 0) / u.reduce((a, x) => a + x * x, 0);
      v = v.map((x, i) => x - dot * u[i]!);
    }
    const sd = Math.sqrt(v.reduce((a, x) => a + x * x, 0) / (n - 1));
    out.push(v.map((x) => x / sd));
  }
  return out;
}

function makeCustomers(draw: Draw, reps: GenRep[]): GenCustomer[] {
  const customers: GenCustomer[] = [];
  const used = new Set<string>();
  for (const rep of reps) {
    const team = DEMO_TEAMS[rep.team]!;
    for (let k = 0; k < BOOK_SIZE; k++) {
      const locale = draw.weighted(team.locales);
      const first = draw.pick(CUSTOMER_NAMES[locale].first);
      const last = draw.pick(CUSTOMER_NAMES[locale].last);
      const company = draw.pick(team.companies);
      const base = `${emailLocalPart(`${first} ${last}`)}@${companyDomain(company)}`;
      let email = base;
      for (let n = 2; used.has(email); n++) email = base.replace('@', `${n}@`);
      used.add(email);
      customers.push({
        index: customers.length,
        team: rep.team,
        email,
        name: `${first} ${last}`,
        locale,
        company,
        optedOutAt: null,
      });
    }
  }
  return customers;
}

/** A weekday instant in the team's business hours (8:00–18:00 local), weekends rarely. */
function businessTime(draw: Draw, start: number, end: number, utcOffset: number): number {
  for (let attempt = 0; ; attempt++) {
    const t = Math.round(draw.between(start, end) / MINUTE) * MINUTE;
    const local = new Date(t + utcOffset * HOUR);
    const hour = local.getUTCHours();
    const weekend = local.getUTCDay() === 0 || local.getUTCDay() === 6;
    if (attempt > 200 || (hour >= 8 && hour < 18 && (!weekend || draw.chance(0.05)))) return t;
  }
}

function makeInteractions(seed: number, reps: GenRep[], start: number, now: number): GenInteraction[] {
  const meanActivity = reps.reduce((s, r) => s + r.activity, 0) / reps.length;
  const zipf = Array.from({ length: BOOK_SIZE }, (_, k) => [k, 1 / (k + 1) ** 0.75] as const);
  const drafts: Omit<GenInteraction, 'externalId'>[] = [];
  const contentDraw = new Draw(mulberry32(seedFor(seed, 'content')));
  const draft = (
    draw: Draw,
    rep: GenRep,
    occurredAt: number,
    type: InteractionType,
  ): Omit<GenInteraction, 'externalId'> => {
    // Customers are made per rep in book order (makeCustomers): the rep's k-th is rep × BOOK_SIZE + k.
    const customer = rep.index * BOOK_SIZE + draw.weighted(zipf);
    const quoteRequestedAt = type === 'quote' ? occurredAt : null;
    let quoteDeliveredAt: number | null = null;
    if (quoteRequestedAt !== null) {
      const z = standardise(proficiencyAt(rep.theta0.quoting, rep.steps.quoting, occurredAt));
      const delivered = quoteRequestedAt + Math.round((quoteTurnaroundHours(draw, z) * HOUR) / MINUTE) * MINUTE;
      quoteDeliveredAt = delivered <= now ? delivered : null;
    }
    // Backfilled from a CSV weeks later now and then: recorded, too old to survey.
    const late = occurredAt < now - 45 * DAY_MS && draw.chance(0.01);
    const arrivedAt = occurredAt + (late ? draw.int(16, 40) * DAY_MS : draw.int(5, 40) * MINUTE);
    return {
      rep: rep.index,
      customer,
      type,
      occurredAt,
      arrivedAt: Math.min(arrivedAt, now),
      quoteRequestedAt,
      quoteDeliveredAt,
      contentIds: pickContent(contentDraw, type),
      suppressionReason: null,
      invitation: null,
    };
  };
  // The work mix follows discovery (model.ts): strong discoverers run more demos, fewer support contacts.
  const workMix = (rep: GenRep, t: number) =>
    interactionTypeShares(standardise(proficiencyAt(rep.theta0.discovery, rep.steps.discovery, t)));
  const fixedMix = new Map(reps.filter((r) => r.steps.discovery.length === 0).map((r) => [r.index, workMix(r, start)]));
  for (const rep of reps) {
    const draw = new Draw(mulberry32(seedFor(seed, 'interactions', rep.email)));
    const count = Math.round((INTERACTIONS_PER_REP * rep.activity) / meanActivity);
    const offset = DEMO_TEAMS[rep.team]!.utcOffset;
    for (let k = 0; k < count; k++) {
      const occurredAt = businessTime(draw, start, now - 5 * MINUTE, offset);
      drafts.push(draft(draw, rep, occurredAt, draw.weighted(fixedMix.get(rep.index) ?? workMix(rep, occurredAt))));
    }
  }
  // A few interactions of the last two hours, whose invitations are still to be sent.
  const recent = new Draw(mulberry32(seedFor(seed, 'recent')));
  for (const [k, minutesAgo] of [25, 50, 75, 100].entries()) {
    const rep = reps[(k * 9 + 2) % reps.length]!;
    drafts.push(draft(recent, rep, now - minutesAgo * MINUTE, k % 2 === 0 ? 'call' : 'meeting'));
  }
  drafts.sort((a, b) => a.occurredAt - b.occurredAt || a.rep - b.rep);
  return drafts.map((d, i) => ({ ...d, externalId: `demo-${String(i + 1).padStart(6, '0')}` }));
}

function pickContent(draw: Draw, type: InteractionType): string[] {
  if (!draw.chance(CONTENT_SHARE_BY_TYPE[type])) return [];
  const fitting = DEMO_CONTENT.filter((c) => c.types.includes(type)).map((c) => c.id);
  const first = draw.pick(fitting);
  if (!draw.chance(0.25) || fitting.length < 2) return [first];
  const second = draw.pick(fitting.filter((id) => id !== first));
  return [first, second].sort();
}
