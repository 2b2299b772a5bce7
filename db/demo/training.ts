/**
 * The demo's training history (model in ./model.ts): baseline assessments, two courses
 * booked for the year and delivered in waves (one works, one does not), the coaching the
 * trainers give after a bad month (./coaching.ts adds it while the surveys are replayed),
 * and assessments after training. Sets each rep's proficiency steps as it goes, so the
 * interactions and answers drawn later see the training's effect.
 */
import type { CpiKey } from '../schema';
import { COACHING_NOTES, DEMO_SKILLS, DEMO_TEAMS, type DemoSkill } from './catalog';
import { HOUR, MINUTE, assessmentScore, monthIndexOf, monthIndexStart, proficiencyAt, type Draw } from './model';
import type { GenRep } from './generate';
import { DAY_MS } from '../../src/lib/days';

export interface GenTraining {
  externalId: string;
  rep: number;
  skill: DemoSkill;
  kind: 'course' | 'assessment' | 'coaching';
  completedAt: number;
  score: number | null;
  /** Coaching only: the CPI it aimed at and the trainer's note. */
  coaching?: { cpi: CpiKey; notes: string };
}

export interface GenPlannedCoaching {
  rep: number;
  skill: DemoSkill;
  plannedFor: number;
  cpi: CpiKey;
  notes: string;
}

/** A course booked for the year: who takes it is chosen by `select`, in waves of equal size. */
export interface CourseProgramme {
  skill: DemoSkill;
  /** Months k (model.ts) of the waves, and how many reps complete it in each. */
  months: number[];
  perWave: number;
  /** Change of θ (points) for every rep who completes it. */
  delta: number;
}

/**
 * An objection-handling bootcamp rolled out to 12 reps drawn at random (of those assessed in it),
 * four a wave in months 4, 5 and 6 — the quarter the training results page opens on — +24 (2 SD).
 */
export const BOOTCAMP: CourseProgramme = { skill: 'objection-handling', months: [4, 5, 6], perWave: 4, delta: 24 };
/** A value-messaging e-learning course for nine other reps drawn at random, three a wave in months 7, 8 and 9: transfers nothing. */
export const VALUE_COURSE: CourseProgramme = { skill: 'value-messaging', months: [7, 8, 9], perWave: 3, delta: 0 };

/** Reps never assessed in some skills (missing, never 0), and how many skills each misses. */
const UNASSESSED_REPS = 5;
const UNASSESSED_SKILLS: [number, number] = [2, 3];
const MID_YEAR_SHARE = 0.4;

type PendingRecord = Omit<GenTraining, 'externalId'>;

export class TrainingPlan {
  private readonly records: PendingRecord[] = [];
  private readonly unassessed = new Set<string>();
  /** Baseline assessment score per rep × skill (absent: never assessed). */
  readonly baseline = new Map<string, number>();

  constructor(
    private readonly draw: Draw,
    private readonly reps: GenRep[],
    private readonly start: number,
    private readonly now: number,
  ) {}

  /** An instant on `day` of the window, in working hours (UTC), to the minute. */
  private at(day: number, draw = this.draw): number {
    return Math.round((this.start + day * DAY_MS + draw.int(9, 17) * HOUR) / MINUTE) * MINUTE;
  }

  /** A weekday instant between days `from` and `to` (1-based) of month k, in working hours. */
  inMonth(k: number, from: number, to: number, draw = this.draw): number {
    let t =
      monthIndexStart(this.start, k) +
      (draw.int(from, to) - 1) * DAY_MS +
      draw.int(9, 16) * HOUR +
      draw.int(0, 3) * 15 * MINUTE;
    while ([0, 6].includes(new Date(t).getUTCDay())) t += DAY_MS;
    return t;
  }

  /** Every rep's baseline assessment (days 5–40), except the pairs never assessed. */
  assessBaseline(): void {
    for (const rep of this.draw.shuffled(this.reps).slice(0, UNASSESSED_REPS)) {
      const skills = this.draw.shuffled(DEMO_SKILLS.map((s) => s.slug));
      for (const skill of skills.slice(0, this.draw.int(...UNASSESSED_SKILLS)))
        this.unassessed.add(`${rep.index}|${skill}`);
    }
    for (const rep of this.reps) {
      for (const { slug } of DEMO_SKILLS) {
        if (this.unassessed.has(`${rep.index}|${slug}`)) continue;
        const t = this.at(this.draw.int(5, 40));
        const score = assessmentScore(this.draw, proficiencyAt(rep.theta0[slug], rep.steps[slug], t));
        this.baseline.set(`${rep.index}|${slug}`, score);
        this.records.push({ rep: rep.index, skill: slug, kind: 'assessment', completedAt: t, score });
      }
    }
  }

  /** The year's courses: the bootcamp and the e-learning course, each for reps drawn at random. */
  bookCourses(): void {
    const assessed = (skill: DemoSkill) => this.reps.filter((r) => this.baseline.has(`${r.index}|${skill}`));
    const bootcampSize = BOOTCAMP.months.length * BOOTCAMP.perWave;
    const chosen = this.draw.shuffled(assessed(BOOTCAMP.skill)).slice(0, bootcampSize);
    this.deliver(BOOTCAMP, chosen);
    const others = this.reps.filter((r) => !chosen.includes(r));
    this.deliver(VALUE_COURSE, this.draw.shuffled(others).slice(0, VALUE_COURSE.months.length * VALUE_COURSE.perWave));
  }

  private deliver(course: CourseProgramme, reps: GenRep[]): void {
    reps.forEach((rep, i) => {
      const completedAt = this.inMonth(course.months[Math.floor(i / course.perWave)]!, 4, 25);
      rep.steps[course.skill].push({ at: completedAt, delta: course.delta });
      this.records.push({ rep: rep.index, skill: course.skill, kind: 'course', completedAt, score: null });
    });
  }

  /** A coaching session (./coaching.ts): its effect on θ and its record. */
  addCoaching(rep: GenRep, skill: DemoSkill, completedAt: number, delta: number | null, notes: string): void {
    if (delta !== null) rep.steps[skill].push({ at: completedAt, delta });
    this.records.push({
      rep: rep.index,
      skill,
      kind: 'coaching',
      completedAt,
      score: null,
      coaching: { cpi: COACHING_NOTES[skill].cpi, notes },
    });
  }

  /** Months k in which the rep completed (or is booked to complete) a course or coaching. */
  trainingMonths(rep: number, kind?: 'course' | 'coaching'): number[] {
    return this.records
      .filter((r) => r.rep === rep && r.kind !== 'assessment' && (kind === undefined || r.kind === kind))
      .map((r) => monthIndexOf(this.start, r.completedAt));
  }

  coachedIn(rep: number, skill: DemoSkill): boolean {
    return this.records.some((r) => r.rep === rep && r.skill === skill && r.kind === 'coaching');
  }

  /** Assessments 20–40 days after each course or coaching in the skill, and a mid-year round (days 190–235) for 40% of pairs. */
  assessAfterTraining(draw: Draw): void {
    for (const rep of this.reps) {
      for (const { slug } of DEMO_SKILLS) {
        if (this.unassessed.has(`${rep.index}|${slug}`)) continue;
        const times = rep.steps[slug].map((step) => step.at + draw.int(20, 40) * DAY_MS);
        if (draw.chance(MID_YEAR_SHARE)) times.push(this.at(draw.int(190, 235), draw));
        for (const t of times) {
          if (t >= this.now) continue;
          this.records.push({
            rep: rep.index,
            skill: slug,
            kind: 'assessment',
            completedAt: t,
            score: assessmentScore(draw, proficiencyAt(rep.theta0[slug], rep.steps[slug], t)),
          });
        }
      }
    }
  }

  /** The records in time order, with LMS ids; no two of a rep, skill and kind at the same minute. */
  finish(): GenTraining[] {
    const taken = new Set<string>();
    const sorted = [...this.records].sort(
      (a, b) =>
        a.completedAt - b.completedAt ||
        a.rep - b.rep ||
        a.skill.localeCompare(b.skill) ||
        a.kind.localeCompare(b.kind),
    );
    return sorted.map((r, i) => {
      let completedAt = r.completedAt;
      while (taken.has(`${r.rep}|${r.skill}|${r.kind}|${completedAt}`)) completedAt += MINUTE;
      taken.add(`${r.rep}|${r.skill}|${r.kind}|${completedAt}`);
      return { ...r, completedAt, externalId: `demo-lms-${r.kind}-${i + 1}` };
    });
  }

  /** Coaching the Iberia trainer has planned for the coming two weeks: the three weakest in objection-handling now. */
  planCoaching(): GenPlannedCoaching[] {
    const skill = BOOTCAMP.skill;
    const iberia = DEMO_TEAMS.findIndex((t) => t.name === 'Iberia');
    const current = (rep: GenRep) => proficiencyAt(rep.theta0[skill], rep.steps[skill], this.now);
    return this.reps
      .filter((r) => r.team === iberia)
      .sort((a, b) => current(a) - current(b))
      .slice(0, 3)
      .map((rep, k) => ({
        rep: rep.index,
        skill,
        plannedFor: Math.round((this.now + (3 + 4 * k) * DAY_MS) / HOUR) * HOUR,
        cpi: COACHING_NOTES[skill].cpi,
        notes: 'Planned from the gap analysis: decision clarity below target.',
      }));
  }
}
