/** Names of the CPIs and heatmap columns on the lead workspace pages. */
import type { CpiKey } from '../../../db/schema';
import type { StaffT } from '../../../src/lib/i18n/staff';
import { cpiName } from '../names';

export function cpiLabel(t: StaffT, cpi: CpiKey | 'responseRate'): string {
  return cpi === 'responseRate' ? t('wsResponseRateColumn') : cpiName(t, cpi);
}

/** Short column headings (heatmap, by-team table) for narrow screens. */
export function cpiShortLabel(t: StaffT, cpi: CpiKey | 'responseRate'): string {
  switch (cpi) {
    case 'fcr':
      return t('wsColFcr');
    case 'contentUseful':
      return t('wsColContent');
    case 'decisionClearer':
      return t('wsColClarity');
    case 'addedValue':
      return t('wsColValue');
    case 'quoteTurnaround':
      return t('wsColTurnaround');
    case 'responseRate':
      return t('wsColResponseRate');
  }
}
