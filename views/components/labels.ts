/** Staff-facing names of the enumerations shown on several pages. */
import type { StaffT } from '../../src/lib/i18n/staff';
import type { ImportKind, InteractionType, Locale, SuppressionReason } from '../../db/schema';

export function interactionTypeLabel(t: StaffT, type: InteractionType): string {
  switch (type) {
    case 'call':
      return t('typeCall');
    case 'meeting':
      return t('typeMeeting');
    case 'demo':
      return t('typeDemo');
    case 'quote':
      return t('typeQuote');
    case 'support':
      return t('typeSupport');
  }
}

export function suppressionReasonLabel(t: StaffT, reason: SuppressionReason): string {
  switch (reason) {
    case 'fatigue':
      return t('reasonFatigue');
    case 'too-old':
      return t('reasonTooOld');
    case 'opted-out':
      return t('reasonOptedOut');
    case 'rep-excluded':
      return t('reasonRepExcluded');
  }
}

export function importKindLabel(t: StaffT, kind: ImportKind): string {
  switch (kind) {
    case 'interactions':
      return t('importKindInteractions');
    case 'reps':
      return t('importKindReps');
    case 'training':
      return t('importKindTraining');
    case 'content':
      return t('importKindContent');
    case 'responses':
      return t('importKindResponses');
  }
}

export function customerLocaleLabel(t: StaffT, locale: Locale): string {
  return locale === 'en' ? t('localeEn') : locale === 'es' ? t('localeEs') : t('localeDe');
}
