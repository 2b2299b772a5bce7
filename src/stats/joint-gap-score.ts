import type { CpiKey } from './cpi.js';
import type { JointLinkTier } from './joint-links.js';

/** Evidence 2's label for a coached rep, per CPI. */
export type CoachedLabel = 'coached-improving' | 'coached-not-improving' | 'coached-too-early-to-tell';

/** A rep's training in one skill, for the joint gap labels. */
export interface JointTrainingFlags {
  /** A course in the skill was completed. */
  hasCourse: boolean;
  /** Coaching in the skill since the latest course (any coaching when there was no course). */
  hasCoaching: boolean;
  /** Evidence 2's label of that coaching, per CPI; absent: too early to tell. */
  coaching?: Readonly<Partial<Record<CpiKey, CoachedLabel>>>;
}

/**
 * No label (null) where none of the labels (docs/statistics.md, "Skill-gap score", step 5)
 * applies: a course, no coaching, and the CPI not likely below target.
 */
export type JointGapLabel = 'untrained' | 'trained-not-transferred' | CoachedLabel | null;

/**
 * The joint model's link weight β̃ (docs/statistics.md, "Skill-gap score", step 2):
 * β̃ = max(0, β − 1.28·SE), β negated where lower is better (turnaround on the log
 * scale), and 0 unless the link is a finding or exploratory (q ≤ .20).
 *
 * @example
 * jointLinkWeight(0.05, 0.01, 'exploratory', false); // => 0.0372 (rounded)
 */
export function jointLinkWeight(beta: number, se: number, tier: JointLinkTier, lowerIsBetter: boolean): number {
  if ((tier !== 'finding' && tier !== 'exploratory') || !Number.isFinite(beta) || !Number.isFinite(se)) return 0;
  return Math.max(0, (lowerIsBetter ? -beta : beta) - 1.28 * se);
}

/**
 * The label of a gap (docs/statistics.md, "Skill-gap score", step 5), judged on the CPI the gap names: untrained
 * (no course or coaching in the skill); coached → Evidence 2's label on that CPI (too
 * early to tell when there is none yet); a course and no coaching since →
 * trained-not-transferred where P(below target) ≥ .5 on that CPI, else no label.
 *
 * @param flags the rep's training in the skill; absent means untrained
 * @param cpi the CPI the gap names; null when nothing contributes
 * @param probabilityBelowTarget P(below target) on that CPI; NaN when unknown
 * @example
 * jointGapLabel({ hasCourse: true, hasCoaching: false }, 'fcr', 0.7); // => 'trained-not-transferred'
 */
export function jointGapLabel(
  flags: JointTrainingFlags | undefined,
  cpi: CpiKey | null,
  probabilityBelowTarget: number,
): JointGapLabel {
  if (!flags || (!flags.hasCourse && !flags.hasCoaching)) return 'untrained';
  if (cpi === null) return null;
  if (flags.hasCoaching) return flags.coaching?.[cpi] ?? 'coached-too-early-to-tell';
  return probabilityBelowTarget >= 0.5 ? 'trained-not-transferred' : null;
}
