/**
 * Coaching after a bad month (model in ./model.ts): early each month, every team's trainer
 * looks at last month's answers and coaches the rep who did worst — value messaging after
 * a low added-value month (even months), product knowledge after a low first-contact-
 * resolution month (odd months). Decided while the surveys are replayed (./surveys.ts
 * calls {@link FeedbackCoaching.decideUntil} before each interaction), so a decision sees
 * exactly the answers submitted by then, and its effect reaches the answers drawn after.
 * It only coaches skills that do not shape the interactions themselves (discovery and
 * quoting are drawn with the interactions, before the replay).
 */
import type { AnswerKey } from '../schema';
import { COACHING_NOTES, DEMO_TEAMS, type DemoSkill } from './catalog';
import { monthIndexStart, type Draw } from './model';
import type { GenInteraction, GenRep } from './generate';
import type { TrainingPlan } from './training';
import { DAY_MS } from '../../src/lib/days';

export interface CoachingProgramme {
  skill: DemoSkill;
  /** The answer the trainer looks at; the rep with the lowest mean is coached. */
  answer: Extract<AnswerKey, 'added_value' | 'resolved_first_contact'>;
  /** Which team's trainer runs it in which months k (model.ts). */
  schedule: [team: string, months: number[]][];
  /** θ points gained: `delta` with probability `works`, else 0. */
  delta: number;
  works: number;
}

const EVERY_MONTH = [2, 3, 4, 5, 6, 7, 8, 9, 10];
/** Value-messaging coaching after a low added-value month (Iberia monthly, North America in even months): +12 for three in four, 0 for the rest. */
export const VALUE_COACHING: CoachingProgramme = {
  skill: 'value-messaging',
  answer: 'added_value',
  schedule: [
    ['Iberia', EVERY_MONTH],
    ['North America', [2, 4, 6, 8, 10]],
  ],
  delta: 12,
  works: 0.75,
};
/** Product-knowledge coaching after a low first-contact-resolution month (DACH monthly, North America in odd months): no effect. */
export const FCR_COACHING: CoachingProgramme = {
  skill: 'product-knowledge',
  answer: 'resolved_first_contact',
  schedule: [
    ['DACH', EVERY_MONTH],
    ['North America', [3, 5, 7, 9]],
  ],
  delta: 0,
  works: 1,
};
const PROGRAMMES = [VALUE_COACHING, FCR_COACHING];

/** The trainer decides on day 8 of the month (00:00 UTC) and coaches within the week. */
const DECISION_DAY = 8;
/** Answers a rep needs last month to be considered. */
export const MIN_MONTH_ANSWERS = 5;
/** No coaching within this many months of a rep's other training (course or coaching), either side. */
export const QUIET_MONTHS = 3;
const FOLLOW_UP_SHARE = 0.5;

export type PassedOver = 'coached-before' | 'recent-training' | 'course-booked';

export interface GenCoachingDecision {
  team: number;
  /** Month k of the coaching; the trainer looked at month k − 1. */
  month: number;
  decidedAt: number;
  skill: DemoSkill;
  answer: CoachingProgramme['answer'];
  /** The team's reps with enough answers last month (submitted by decidedAt), lowest mean first. */
  candidates: { rep: number; n: number; mean: number; passedOver: PassedOver | null }[];
  /** The first candidate not passed over (null: none left). */
  rep: number | null;
  completedAt: number | null;
  /** θ points the session added (null without a session). */
  delta: number | null;
}

const ANSWER_FIELD = { added_value: 'addedValue', resolved_first_contact: 'resolvedFirstContact' } as const;

export class FeedbackCoaching {
  readonly decisions: GenCoachingDecision[] = [];
  private readonly queue: { month: number; decidedAt: number; team: number; programme: CoachingProgramme }[];

  constructor(
    private readonly draw: Draw,
    private readonly reps: GenRep[],
    private readonly interactions: GenInteraction[],
    private readonly plan: TrainingPlan,
    private readonly start: number,
    private readonly now: number,
  ) {
    this.queue = PROGRAMMES.flatMap((programme) =>
      programme.schedule.flatMap(([name, months]) =>
        months.map((month) => ({
          month,
          programme,
          team: DEMO_TEAMS.findIndex((t) => t.name === name),
          decidedAt: monthIndexStart(start, month) + (DECISION_DAY - 1) * DAY_MS,
        })),
      ),
    )
      .filter((d) => d.decidedAt < now)
      .sort((a, b) => a.decidedAt - b.decidedAt || a.team - b.team);
  }

  /** Makes every decision due by `t` (call before replaying an interaction that occurred at `t`). */
  decideUntil(t: number): void {
    while (this.queue.length > 0 && this.queue[0]!.decidedAt <= t) this.decide(this.queue.shift()!);
  }

  private decide({
    month,
    decidedAt,
    team,
    programme,
  }: {
    month: number;
    decidedAt: number;
    team: number;
    programme: CoachingProgramme;
  }): void {
    const means = this.lastMonthMeans(month, decidedAt, programme.answer);
    {
      const candidates = this.reps
        .filter((r) => r.team === team && (means.get(r.index)?.n ?? 0) >= MIN_MONTH_ANSWERS)
        .map((r) => ({
          rep: r.index,
          ...means.get(r.index)!,
          passedOver: this.passedOver(r.index, month, programme.skill),
        }))
        .sort((a, b) => a.mean - b.mean || a.rep - b.rep);
      // Only a rep in the bottom half of the team last month had a bad month worth coaching.
      const chosen = candidates.slice(0, Math.floor(candidates.length / 2)).find((c) => c.passedOver === null);
      const decision: GenCoachingDecision = {
        team,
        month,
        decidedAt,
        skill: programme.skill,
        answer: programme.answer,
        candidates,
        rep: null,
        completedAt: null,
        delta: null,
      };
      this.decisions.push(decision);
      if (!chosen) return;
      const rep = this.reps[chosen.rep]!;
      const completedAt = this.plan.inMonth(month, DECISION_DAY, DECISION_DAY + 6, this.draw);
      const delta = this.draw.chance(programme.works) ? programme.delta : 0;
      this.plan.addCoaching(rep, programme.skill, completedAt, delta, COACHING_NOTES[programme.skill].note);
      Object.assign(decision, { rep: rep.index, completedAt, delta });
      if (this.draw.chance(FOLLOW_UP_SHARE)) {
        const followUp = completedAt + this.draw.int(21, 35) * DAY_MS;
        if (followUp < this.now)
          this.plan.addCoaching(
            rep,
            programme.skill,
            followUp,
            null,
            'Follow-up: reviewed recent calls against what we practised.',
          );
      }
    }
  }

  /** Per rep: answers to `answer` for interactions of month k − 1, submitted by `decidedAt`. */
  private lastMonthMeans(
    month: number,
    decidedAt: number,
    answer: CoachingProgramme['answer'],
  ): Map<number, { n: number; mean: number }> {
    const from = monthIndexStart(this.start, month - 1);
    const to = monthIndexStart(this.start, month);
    const sums = new Map<number, { n: number; sum: number }>();
    // Interactions are in time order: start at the month's first.
    let lo = 0;
    for (let hi = this.interactions.length; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      if (this.interactions[mid]!.occurredAt < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.interactions.length && this.interactions[i]!.occurredAt < to; i++) {
      const it = this.interactions[i]!;
      const r = it.invitation?.response;
      const value = r?.[ANSWER_FIELD[answer]];
      if (
        r?.status !== 'submitted' ||
        r.submittedAt === null ||
        r.submittedAt > decidedAt ||
        value === null ||
        value === undefined
      )
        continue;
      const s = sums.get(it.rep) ?? { n: 0, sum: 0 };
      s.n += 1;
      s.sum += value;
      sums.set(it.rep, s);
    }
    return new Map([...sums].map(([rep, s]) => [rep, { n: s.n, mean: s.sum / s.n }]));
  }

  private passedOver(rep: number, month: number, skill: DemoSkill): PassedOver | null {
    if (this.plan.coachedIn(rep, skill)) return 'coached-before';
    if (this.plan.trainingMonths(rep).some((k) => k >= month - QUIET_MONTHS && k < month)) return 'recent-training';
    // The follow-up falls in the next month: no course in its quiet months either.
    if (this.plan.trainingMonths(rep, 'course').some((k) => k >= month && k <= month + 1 + QUIET_MONTHS))
      return 'course-booked';
    return null;
  }
}
