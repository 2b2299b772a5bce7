/** Training effects as readers get them (GET /api/v1/training-effects, the training results page and its CSV). */
import type { EffectResult } from './training';

/** The API's shape (CONTRACT: GET /api/v1/training-effects); the event-study months as +1, +2, +3. */
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
