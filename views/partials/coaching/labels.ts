/** Names of the enumerations the coaching pages show, in the reader's language. */
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { CpiKey, JointGapLabel } from '../../../src/stats';
import type { SessionStatus } from '../../../db/queries/coaching-sessions';
import type { FollowUpStatus } from '../../../db/queries/coaching-follow-ups';

export function cpiName(t: StaffT, cpi: CpiKey): string {
  switch (cpi) {
    case 'fcr':
      return t('coCpiFcr');
    case 'contentUseful':
      return t('coCpiContentUseful');
    case 'decisionClearer':
      return t('coCpiDecisionClearer');
    case 'addedValue':
      return t('coCpiAddedValue');
    case 'quoteTurnaround':
      return t('coCpiQuoteTurnaround');
  }
}

export function gapLabelName(t: StaffT, label: NonNullable<JointGapLabel>): string {
  switch (label) {
    case 'untrained':
      return t('coLabelUntrained');
    case 'trained-not-transferred':
      return t('coLabelTrainedNotTransferred');
    case 'coached-not-improving':
      return t('coLabelCoachedNotImproving');
    case 'coached-improving':
      return t('coLabelCoachedImproving');
    case 'coached-too-early-to-tell':
      return t('coLabelCoachedTooEarly');
  }
}

export function sessionStatusName(t: StaffT, status: SessionStatus): string {
  return status === 'planned' ? t('coStatusPlanned') : status === 'done' ? t('coStatusDone') : t('coStatusCancelled');
}

export function followUpStatusName(t: StaffT, status: FollowUpStatus): string {
  return status === 'open' ? t('coFollowUpOpen') : t('coFollowUpResolved');
}
