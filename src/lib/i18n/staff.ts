/**
 * Staff pages: English and Spanish (German staff see English). Strings live by area in
 * ./staff/*.ts; each area exports `en` and `es` with the same keys.
 */
import type { Locale } from '../../../db/schema';
import { translator, type Translate } from './index';
import * as common from './staff/common';
import * as names from './staff/names';
import * as admin from './staff/admin';
import * as outbox from './staff/outbox';
import * as imports from './staff/imports';
import * as workspace from './staff/workspace';
import * as analysis from './staff/analysis';
import * as skillGaps from './staff/skill-gaps';
import * as coaching from './staff/coaching';
import * as privacy from './staff/privacy';
import * as training from './staff/training';
import * as methods from './staff/methods';
import * as setup from './staff/setup';
import * as mailSettings from './staff/mail-settings';
import * as webhooks from './staff/webhooks';
import * as home from './staff/home';
import * as sharing from './staff/sharing';

const en = {
  ...common.en,
  ...names.en,
  ...admin.en,
  ...outbox.en,
  ...imports.en,
  ...workspace.en,
  ...analysis.en,
  ...skillGaps.en,
  ...coaching.en,
  ...privacy.en,
  ...training.en,
  ...methods.en,
  ...setup.en,
  ...mailSettings.en,
  ...webhooks.en,
  ...home.en,
  ...sharing.en,
};
export type StaffKey = keyof typeof en;
const es: Record<StaffKey, string> = {
  ...common.es,
  ...names.es,
  ...admin.es,
  ...outbox.es,
  ...imports.es,
  ...workspace.es,
  ...analysis.es,
  ...skillGaps.es,
  ...coaching.es,
  ...privacy.es,
  ...training.es,
  ...methods.es,
  ...setup.es,
  ...mailSettings.es,
  ...webhooks.es,
  ...home.es,
  ...sharing.es,
};

export const STAFF_LOCALES = ['en', 'es'] as const satisfies readonly Locale[];
export type StaffT = Translate<StaffKey>;

export function staffT(locale: Locale): StaffT {
  return locale === 'es' ? translator(es, 'es') : translator(en, 'en');
}
