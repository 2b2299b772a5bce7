/** The names of the CPIs, gap labels and link tiers, the same on every staff page (src/lib/i18n/staff/names.ts). */
import type { StaffKey, StaffT } from '../../src/lib/i18n/staff';
import type { CpiKey, JointGapLabel, JointLinkTier } from '../../src/stats';

const CPI_NAMES: Record<CpiKey, StaffKey> = {
  fcr: 'cpiFcr',
  contentUseful: 'cpiContentUseful',
  decisionClearer: 'cpiDecisionClearer',
  addedValue: 'cpiAddedValue',
  quoteTurnaround: 'cpiQuoteTurnaround',
};
export const cpiName = (t: StaffT, cpi: CpiKey) => t(CPI_NAMES[cpi]);

type Label = NonNullable<JointGapLabel> | 'none';
const GAP_LABELS: Record<Label, [StaffKey, StaffKey]> = {
  untrained: ['gapLabelUntrained', 'gapLabelUntrainedHelp'],
  'trained-not-transferred': ['gapLabelTrainedNotTransferred', 'gapLabelTrainedNotTransferredHelp'],
  'coached-improving': ['gapLabelCoachedImproving', 'gapLabelCoachedImprovingHelp'],
  'coached-not-improving': ['gapLabelCoachedNotImproving', 'gapLabelCoachedNotImprovingHelp'],
  'coached-too-early-to-tell': ['gapLabelCoachedTooEarly', 'gapLabelCoachedTooEarlyHelp'],
  none: ['gapLabelNone', 'gapLabelNoneHelp'],
};
/** A gap's label; null (a course, the linked CPI not short) reads "no label". */
export const gapLabelName = (t: StaffT, label: JointGapLabel) => t(GAP_LABELS[label ?? 'none'][0]);
export const gapLabelHelp = (t: StaffT, label: JointGapLabel) => t(GAP_LABELS[label ?? 'none'][1]);

const TIERS: Record<Exclude<JointLinkTier, 'not-separable'>, StaffKey> = {
  finding: 'tierFinding',
  exploratory: 'tierExploratory',
  'no-evidence': 'tierNoEvidence',
  insufficient: 'tierInsufficient',
};
/** A link's plain label: "clear link", "possible link", "no evidence yet", "can't tell apart from …", "too few assessed reps". */
export function tierName(
  t: StaffT,
  link: { tier: JointLinkTier; separableFrom?: string | undefined },
  skillName: (slug: string) => string,
): string {
  return link.tier === 'not-separable'
    ? t('tierNotSeparable', { skill: skillName(link.separableFrom ?? '') })
    : t(TIERS[link.tier]);
}
