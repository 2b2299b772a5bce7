/**
 * CPI Lens statistics: pure functions, numbers in, numbers out (docs/statistics.md).
 * No I/O, no clock, no Math.random: everything random is seeded (mulberry32).
 * Conventions: NaN where R returns NA (too little data, no variation; JSON
 * serialises it as null); malformed input throws a RangeError naming the function.
 */

// Rates
export { wilsonInterval, type RateInterval } from './wilson-interval.js';
export { newcombeInterval } from './newcombe-interval.js';
export { shrinkRates, type ShrunkRates } from './shrink-rates.js';
export { betaPosterior, shrinkRateIntervals, type RatePosterior, type ShrunkRateIntervals } from './beta-posterior.js';
export { clusteredProportion, type ClusteredRate } from './clustered-proportion.js';

// Means (Likert, turnaround)
export { summarize, summaryMoments, type MeanSummary } from './mean-summary.js';
export { meanInterval, type MeanInterval } from './mean-interval.js';
export { likertMean, topTwoBox } from './likert.js';
export { shrinkMeans, type ShrunkMeans } from './normal-shrinkage.js';
export { shrinkEstimates, type ShrunkEstimate } from './shrink-estimates.js';
export { quantile, median, type7Quantile, type7Indices } from './quantile.js';
export { turnaroundSummary, turnaroundFromOrderStatistics, type TurnaroundSummary } from './turnaround.js';
export { clusteredMean, type ClusteredMean } from './clustered-mean.js';

// Correlation and tests
export { pearson, type PearsonResult } from './pearson.js';
export { spearman, type SpearmanResult } from './spearman.js';
export { midranks } from './ranks.js';
export { correlationPValue } from './correlation-p-value.js';
export { fisherZInterval, type CorrelationMethod } from './fisher-z-interval.js';
export { benjaminiHochberg } from './benjamini-hochberg.js';
export { welchTTest, welchInterval, type TTestResult, type WelchInterval } from './welch-t-test.js';
export { pairedTTest } from './paired-t-test.js';
export {
  relativeImportance,
  lmgFromCrossProducts,
  crossProducts,
  type RelativeImportance,
} from './relative-importance.js';

// Evidence: rep effects at the common mix, joint models, power
export {
  typeAdjustedEffects,
  typeAdjustedEffectsFromSummaries,
  type RepTypeSummary,
  type RepEffect,
  type TypeAdjustedOptions,
} from './type-adjusted-effects.js';
export { largestConnectedSet, type RepTypeLink } from './connected-set.js';
export { metaRegression, metaRegressionAtTau2, type MetaRegression } from './meta-regression.js';
export { minimumDetectableEffect } from './minimum-detectable-effect.js';
export { repsNeededToDetect } from './reps-needed.js';
export { varianceInflation, type VarianceInflation } from './variance-inflation.js';
export { weightedLmg, type WeightedImportance } from './weighted-importance.js';
export {
  fitJointModel,
  MAX_VIF,
  type JointModelRow,
  type JointModelKind,
  type JointTerm,
  type JointModelFit,
} from './joint-model.js';
export {
  analyzeJointLinks,
  jointModelRows,
  tierFor,
  FINDING_Q,
  EXPLORATORY_Q,
  type JointLinkRep,
  type RepCpiEstimate,
  type JointLinksInput,
  type JointLinksOptions,
  type JointLinkTier,
  type JointLink,
  type JointCpiModel,
  type JointLinks,
} from './joint-links.js';
export { byCodePoint } from './code-point-order.js';

// Training effects
export { ancovaEffect, type AncovaEffect } from './ancova-effect.js';
export {
  trainingEffects,
  withFamilyQ,
  MIN_EFFECT_REPS,
  CLAIM_Q,
  type TrainingEffectsOptions,
  type TrainingEffect,
  type PreTrend,
  type EventStudyMonth,
} from './cohort-effects.js';
export type { TrainingEffectsInput, PanelCell, TrainingEvent, TrainingKind } from './cohort-panel.js';
export type { CohortEffect } from './cohort-estimate.js';
export { MIN_MONTH_BEFORE_RESPONSES, MIN_EARLIER_RESPONSES, type CohortCovariate } from './cohort-design.js';
export { treatmentStarts, SAME_TREATMENT_MONTHS, CLEAN_MONTHS } from './cohort-plan.js';
export {
  coachedLabel,
  MIN_LABEL_RESPONSES,
  LABEL_LEVEL,
  type CoachedRep,
  type CoachedLabelResult,
} from './coached-label.js';
export { coachedLabels, type CoachedRepLabel } from './coached-labels.js';

// Resampling
export { mulberry32, seedFor, type RandomSource } from './prng.js';
export { seededShuffle } from './shuffle.js';
export { bootstrapInterval, percentileInterval, resampleIndices } from './bootstrap.js';

// Analyses the DB layer feeds
export { ANSWER_CPI_KEYS, CPI_KEYS, lowerIsBetter, type CpiKey } from './cpi.js';
export { expectedShortfall, type Shortfall } from './expected-shortfall.js';
export { skillDeficit, gapTerm, type CpiPosterior, type GapContribution } from './gap-score.js';
export {
  jointLinkWeight,
  jointGapLabel,
  type CoachedLabel,
  type JointTrainingFlags,
  type JointGapLabel,
} from './joint-gap-score.js';
export { bootstrapJointGaps, type JointGapModel } from './joint-gap-bootstrap.js';
export {
  scoreGapsJoint,
  type JointGapRep,
  type ScoreGapsJointInput,
  type ScoreGapsJointOptions,
  type JointSkillGap,
  type ScoredJointGaps,
} from './score-gaps-joint.js';
