/** What a session post did, in words (after htmx swaps the form, or after the redirect without it). */
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionOutcome } from '../../../src/domain/coaching-sessions';
import type { SessionRow } from '../../../db/queries/coaching-sessions';
import { sessionDate } from '../../../src/domain/session-date';
import { isoDay } from '../../../src/lib/days';

export const SESSION_OUTCOMES = [
  'planned',
  'logged',
  'completed-planned',
  'duplicate',
  'done',
  'cancelled',
  'pins',
] as const;
export type SessionMessageKind = (typeof SESSION_OUTCOMES)[number];

export function sessionMessage(
  t: StaffT,
  kind: SessionMessageKind | SessionOutcome,
  session: SessionRow,
  repName: string,
): string {
  const vars = { name: repName, date: isoDay(sessionDate(session)), skill: session.skillName };
  switch (kind) {
    case 'planned':
      return t('coSavedPlanned', vars);
    case 'logged':
      return t('coSavedLogged', vars);
    case 'completed-planned':
    case 'done':
      return t('coSavedCompleted', vars);
    case 'cancelled':
      return t('coSavedCancelled', vars);
    case 'duplicate':
      return t('coSavedDuplicate', vars);
    case 'pins':
      return t('coSavedPins', vars);
  }
}
