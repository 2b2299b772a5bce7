/** Training effects as readers get them (GET /api/v1/training-effects, the training results page and its CSV). */
import type { EffectResult } from './training';

/** The API's shape (docs/api.md, "GET /api/v1/training-effects"); the event-study months as +1, +2, +3. */
export function effectForApi(e: EffectResult) {
  return {
    skill: e.skill,
    kind: e.kind,
    cpi: e.cpi,
    status: e.status,
    ...(e.reason ? { reason: e.reason } : {}),
    effect: e.effect,
    lower: e.lower,
    upper: e.upper,
    p: e.p,
    q: e.q,
    treatedReps: e.treatedReps,
    controlReps: e.controlReps,
    cohorts: e.cohorts,
    preTrend: e.preTrend,
    eventStudy: e.eventStudy,
  };
}

/** What a reader should take from an effect: better or worse than similar reps (claimed at q ≤ .05), no clear change, or not enough data. */
export type Verdict = 'better' | 'worse' | 'unclear' | 'not-enough';

export function verdictOf(e: EffectResult): Verdict {
  if (e.status !== 'ok' || e.effect === null) return 'not-enough';
  if (!e.claimed) return 'unclear';
  const improves = e.cpi === 'quoteTurnaround' ? e.effect < 0 : e.effect > 0;
  return improves ? 'better' : 'worse';
}

const ORDER: Record<Verdict, number> = { better: 0, worse: 0, unclear: 1, 'not-enough': 2 };

/** Clear evidence first (better and worse alike), then by q, then the rest by name. */
export function byEvidence(a: EffectResult, b: EffectResult): number {
  return (
    ORDER[verdictOf(a)] - ORDER[verdictOf(b)] ||
    (a.q ?? 2) - (b.q ?? 2) ||
    `${a.skill}|${a.kind}|${a.cpi}`.localeCompare(`${b.skill}|${b.kind}|${b.cpi}`)
  );
}
