/**
 * The demo's training history (model in ./model.ts): an objection-handling bootcamp for
 * the weakest, 1–2 other courses per rep, coaching for the weakest in value-messaging and
 * quoting, and assessments that measure proficiency with noise. Sets each rep's
 * proficiency steps as it goes, so answers drawn later see the training's effect.
 */
import type { Cpi } from '../schema';
import { COACHING_NOTES, DEMO_SKILLS, DEMO_TEAMS, type DemoSkill } from './catalog';
import { DAY, HOUR, assessmentScore, proficiencyAt, type Draw } from './model';
import type { GenRep } from './generate';

export interface GenTraining {
  externalId: string;
  rep: number;
  skill: DemoSkill;
  kind: 'course' | 'assessment' | 'coaching';
  completedAt: number;
  score: number | null;
  /** Coaching only: the CPI it aimed at and the trainer's note. */
  coaching?: { cpi: Cpi; notes: string };
}

export interface GenPlannedCoaching {
  rep: number;
  skill: DemoSkill;
  plannedFor: number;
  cpi: Cpi;
  notes: string;
}

const BOOTCAMP = { skill: 'objection-handling' as DemoSkill, reps: 10, day: 150, delta: 12 };
const COACHING_PROGRAMMES: { skill: DemoSkill; reps: number; fromDay: number; toDay: number }[] = [
  { skill: 'value-messaging', reps: 7, fromDay: 120, toDay: 240 },
  { skill: 'quoting', reps: 5, fromDay: 160, toDay: 220 },
];
const COURSE_EFFECTS = [0, 0, 4, 8];
const COACHING_EFFECT = 12;
const MISSING_SHARE = 0.08;

export function planTraining(draw: Draw, reps: GenRep[], start: number, now: number): { records: GenTraining[]; planned: GenPlannedCoaching[] } {
  const records: GenTraining[] = [];
  const taken = new Set<string>();
  const at = (day: number) => Math.round((start + day * DAY + draw.int(9, 17) * HOUR) / 60_000) * 60_000;
  const add = (r: Omit<GenTraining, 'externalId'>) => {
    let completedAt = r.completedAt;
    while (taken.has(`${r.rep}|${r.skill}|${r.kind}|${completedAt}`)) completedAt += 60_000;
    taken.add(`${r.rep}|${r.skill}|${r.kind}|${completedAt}`);
    records.push({ ...r, completedAt, externalId: `demo-lms-${r.kind}-${records.length + 1}` });
  };
  const weakest = (skill: DemoSkill, n: number) => [...reps].sort((a, b) => a.theta0[skill] - b.theta0[skill]).slice(0, n);

  for (const rep of weakest(BOOTCAMP.skill, BOOTCAMP.reps)) {
    const completedAt = at(BOOTCAMP.day + draw.int(0, 6));
    rep.steps[BOOTCAMP.skill].push({ at: completedAt, delta: BOOTCAMP.delta });
    add({ rep: rep.index, skill: BOOTCAMP.skill, kind: 'course', completedAt, score: null });
  }
  for (const programme of COACHING_PROGRAMMES) {
    const { cpi, note } = COACHING_NOTES[programme.skill];
    for (const rep of weakest(programme.skill, programme.reps)) {
      const completedAt = at(draw.int(programme.fromDay, programme.toDay));
      rep.steps[programme.skill].push({ at: completedAt, delta: draw.chance(0.75) ? COACHING_EFFECT : 0 });
      add({ rep: rep.index, skill: programme.skill, kind: 'coaching', completedAt, score: null, coaching: { cpi, notes: note } });
      if (draw.chance(0.5)) {
        const followUp = completedAt + draw.int(21, 35) * DAY;
        if (followUp < now) add({ rep: rep.index, skill: programme.skill, kind: 'coaching', completedAt: followUp, score: null, coaching: { cpi, notes: 'Follow-up: reviewed recent calls against what we practised.' } });
      }
    }
  }
  for (const rep of reps) {
    const courses = draw.int(1, 2);
    for (let k = 0; k < courses; k++) {
      const skill = draw.pick(DEMO_SKILLS.filter((s) => s.slug !== BOOTCAMP.skill)).slug;
      const completedAt = at(draw.int(40, 300));
      rep.steps[skill].push({ at: completedAt, delta: draw.pick(COURSE_EFFECTS) });
      add({ rep: rep.index, skill, kind: 'course', completedAt, score: null });
    }
  }

  // Assessments: baseline, after each training in the skill, and a mid-year round for some.
  for (const rep of reps) {
    for (const { slug } of DEMO_SKILLS) {
      if (draw.chance(MISSING_SHARE)) continue;
      const times = [at(draw.int(5, 40))];
      for (const step of rep.steps[slug]) times.push(step.at + draw.int(20, 40) * DAY);
      if (draw.chance(0.4)) times.push(at(draw.int(190, 235)));
      for (const t of times) {
        if (t >= now) continue;
        add({ rep: rep.index, skill: slug, kind: 'assessment', completedAt: t, score: assessmentScore(draw, proficiencyAt(rep.theta0[slug], rep.steps[slug], t)) });
      }
    }
  }

  // Coaching the Iberia trainer has planned for the coming two weeks.
  const iberia = DEMO_TEAMS.findIndex((t) => t.name === 'Iberia');
  const current = (rep: GenRep) => proficiencyAt(rep.theta0[BOOTCAMP.skill], rep.steps[BOOTCAMP.skill], now);
  const planned = reps
    .filter((r) => r.team === iberia)
    .sort((a, b) => current(a) - current(b))
    .slice(0, 3)
    .map((rep, k) => ({
      rep: rep.index,
      skill: BOOTCAMP.skill,
      plannedFor: Math.round((now + (3 + 4 * k) * DAY) / HOUR) * HOUR,
      cpi: COACHING_NOTES[BOOTCAMP.skill].cpi,
      notes: 'Planned from the gap analysis: decision clarity below target.',
    }));
  return { records, planned };
}
