/** Names of the enumerations the coaching pages show, in the reader's language. */
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionStatus } from '../../../db/queries/coaching-sessions';
import type { FollowUpStatus } from '../../../db/queries/coaching-follow-ups';

export function sessionStatusName(t: StaffT, status: SessionStatus): string {
  return status === 'planned' ? t('coStatusPlanned') : status === 'done' ? t('coStatusDone') : t('coStatusCancelled');
}

export function followUpStatusName(t: StaffT, status: FollowUpStatus): string {
  return status === 'open' ? t('coFollowUpOpen') : t('coFollowUpResolved');
}
