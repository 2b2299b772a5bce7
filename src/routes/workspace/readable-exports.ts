/**
 * The readable columns of each staff export, in the order its page shows them (the raw
 * columns stay at `?format=raw`; ./readable-csv.ts). CPIs, skills, labels and interaction
 * types read as on the pages, in the reader's language; rates are percentages.
 */
import type { StaffKey, StaffT } from '../../lib/i18n/staff';
import type { CpiKey } from '../../stats';
import { cpiName } from '../../../views/partials/names';
import { CPI_EXPORT_HEADER } from '../../domain/cpi-export';
import { RESPONSE_COLUMNS } from '../../domain/exports';
import { cellsFor, column, readableForm, type Read, type ReadableForm } from './readable-csv';

type SkillName = (slug: string) => string;

/** The overview's by-team table or the reps heatmap: who, then responses, then each CPI as on the page. */
export function cpiExportForm(t: StaffT): ReadableForm {
  const x = cellsFor(t);
  const name = (c: CpiKey) => cpiName(t, c);
  const col = (header: string, raw: string, read: Read = x.text) => column(header, raw, read);
  const kinds: Record<string, StaffKey> = { team: 'csvRowTeam', rep: 'csvRowRep', total: 'csvRowTotal' };
  const mean = (c: 'contentUseful' | 'decisionClearer' | 'addedValue') => [
    col(t('csvMean', { name: name(c) }), c, x.number),
    col(t('csvLower', { name: name(c) }), `${c}Lower`, x.number),
    col(t('csvUpper', { name: name(c) }), `${c}Upper`, x.number),
    col(t('csvTop2', { name: name(c) }), `${c}Top2`, x.percent),
    col(t('csvShrunk', { name: name(c) }), `${c}Shrunk`, x.number),
    col(t('csvAnswers', { name: name(c) }), `${c}N`),
  ];
  const qt = name('quoteTurnaround');
  const clustered = (['fcr', 'contentUseful', 'decisionClearer', 'addedValue', 'quoteTurnaround'] as const).flatMap(
    (c) => {
      const raw = c === 'quoteTurnaround' ? 'quoteWithinSla' : c;
      return [
        col(t('csvDesignEffect', { name: name(c) }), `${raw}DesignEffect`, x.number),
        col(t('csvEffectiveN', { name: name(c) }), `${raw}EffectiveN`, x.number),
      ];
    },
  );
  return readableForm(CPI_EXPORT_HEADER, [
    col(t('csvRow'), 'kind', (v) => (typeof v === 'string' && kinds[v] ? t(kinds[v]) : v)),
    col(t('csvName'), 'name'),
    col(t('csvTeam'), 'team'),
    col(t('csvRepEmail'), 'repEmail'),
    col(t('csvFormer'), 'former'),
    col(t('csvResponses'), 'responses'),
    col(t('csvInvited'), 'invited'),
    col(t('csvResponseRate'), 'responseRate', x.percent),
    col(t('csvNote'), 'status', (v) => (v === 'suppressed' ? t('notEnoughResponses') : null)),
    col(t('csvPercent', { name: name('fcr') }), 'fcr', x.percent),
    col(t('csvLower', { name: name('fcr') }), 'fcrLower', x.percent),
    col(t('csvUpper', { name: name('fcr') }), 'fcrUpper', x.percent),
    col(t('csvShrunk', { name: name('fcr') }), 'fcrShrunk', x.percent),
    col(t('csvAnswers', { name: name('fcr') }), 'fcrN'),
    ...mean('contentUseful'),
    ...mean('decisionClearer'),
    ...mean('addedValue'),
    col(t('csvValueAdded'), 'valueAddedCount'),
    col(t('csvMedianHours', { name: qt }), 'quoteTurnaroundMedianHours', x.number),
    col(t('csvP90Hours', { name: qt }), 'quoteTurnaroundP90Hours', x.number),
    col(t('csvWithinSla', { name: qt }), 'quoteWithinSla', x.percent),
    col(t('csvWithinSlaLower', { name: qt }), 'quoteWithinSlaLower', x.percent),
    col(t('csvWithinSlaUpper', { name: qt }), 'quoteWithinSlaUpper', x.percent),
    col(t('csvQuotes', { name: qt }), 'quotes'),
    ...clustered,
  ]);
}

export const GAPS_RAW_HEADER = [
  'rep',
  'rep_email',
  'team',
  'skill',
  'cpi',
  'score',
  'lower',
  'upper',
  'label',
  'low_confidence',
  'link_tier',
  'link_estimate',
  'link_se',
  'link_lower',
  'link_upper',
  'link_q',
  'link_mde',
];

/** The gaps as the "Largest gaps" table: rep, team, skill, linked CPI, score and interval, label; then the link. */
export function gapsExportForm(
  t: StaffT,
  skillName: SkillName,
  /** The skill a not-separable link cannot be told apart from. */
  separableFrom: (skill: string, cpi: string) => string | undefined,
): ReadableForm {
  const x = cellsFor(t, skillName);
  const col = (header: string, raw: string, read: Read = x.text) => column(header, raw, read);
  return readableForm(GAPS_RAW_HEADER, [
    col(t('csvRep'), 'rep'),
    col(t('csvTeam'), 'team'),
    col(t('csvSkill'), 'skill', x.skill),
    col(t('csvLinkedCpi'), 'cpi', x.cpi),
    col(t('csvGapScore'), 'score', x.number),
    col(t('csvGapLower'), 'lower', x.number),
    col(t('csvGapUpper'), 'upper', x.number),
    { header: t('csvLabel'), cell: (get) => (get('score') === null ? null : x.gapLabel(get('label'))) },
    col(t('csvLowConfidence'), 'low_confidence'),
    {
      header: t('csvLink'),
      cell: (get) => x.tier(get('link_tier'), separableFrom(String(get('skill')), String(get('cpi')))),
    },
    col(t('csvLinkEstimate'), 'link_estimate'),
    col(t('csvLinkSe'), 'link_se'),
    col(t('csvLinkLower'), 'link_lower'),
    col(t('csvLinkUpper'), 'link_upper'),
    col(t('csvLinkQ'), 'link_q'),
    col(t('csvLinkMde'), 'link_mde'),
    col(t('csvRepEmail'), 'rep_email'),
  ]);
}

export const COACHING_PLAN_RAW_HEADER = [
  'rank',
  'repEmail',
  'repName',
  'team',
  'status',
  'skill',
  'cpi',
  'score',
  'lower',
  'upper',
  'label',
  'lowConfidence',
  'responses',
  'plannedSessions',
  'doneSessions',
  'lastDoneSession',
];

/** The coaching plan as its list: rank, rep, team, what to coach, the gap, the sessions. */
export function coachingPlanExportForm(t: StaffT, skillName: SkillName): ReadableForm {
  const x = cellsFor(t, skillName);
  const col = (header: string, raw: string, read: Read = x.text) => column(header, raw, read);
  return readableForm(COACHING_PLAN_RAW_HEADER, [
    col(t('csvRank'), 'rank'),
    col(t('csvRep'), 'repName'),
    col(t('csvTeam'), 'team'),
    col(t('csvStatus'), 'status', x.keyed('csvStatus_')),
    col(t('csvSkill'), 'skill', x.skill),
    col(t('csvLinkedCpi'), 'cpi', x.cpi),
    col(t('csvGapScore'), 'score', x.number),
    col(t('csvGapLower'), 'lower', x.number),
    col(t('csvGapUpper'), 'upper', x.number),
    { header: t('csvLabel'), cell: (get) => (get('score') == null ? null : x.gapLabel(get('label'))) },
    col(t('csvLowConfidence'), 'lowConfidence'),
    col(t('csvResponses'), 'responses'),
    col(t('csvPlannedSessions'), 'plannedSessions'),
    col(t('csvDoneSessions'), 'doneSessions'),
    col(t('csvLastDone'), 'lastDoneSession'),
    col(t('csvRepEmail'), 'repEmail'),
  ]);
}

/** One row per response: who, when, then the answers in the survey's order. */
export function responsesExportForm(t: StaffT): ReadableForm {
  const x = cellsFor(t);
  const col = (header: string, raw: string, read: Read = x.text) => column(header, raw, read);
  const answer = (c: CpiKey, raw: string) => col(t('csvAnswer', { name: cpiName(t, c) }), raw);
  return readableForm(RESPONSE_COLUMNS, [
    col(t('csvRep'), 'repName'),
    col(t('csvTeam'), 'team'),
    col(t('csvType'), 'type', x.type),
    col(t('csvOccurred'), 'occurredAt'),
    col(t('csvAnswered'), 'answeredAt'),
    col(t('csvResolvedFirstContact'), 'resolved_first_contact'),
    answer('contentUseful', 'content_useful'),
    answer('decisionClearer', 'decision_clearer'),
    answer('addedValue', 'added_value'),
    col(t('csvComment'), 'comment'),
    col(t('csvConsent'), 'contactConsent'),
    col(t('csvSource'), 'source', x.keyed('csvSource_')),
    col(t('csvInteraction'), 'interactionExternalId'),
    col(t('csvRepEmail'), 'repEmail'),
  ]);
}

/** The training results as the page lists them (the route builds these rows from the results themselves). */
export const trainingExportHeader = (t: StaffT): string[] => [
  t('csvSkill'),
  t('csvKind'),
  t('csvCpi'),
  t('csvResult'),
  t('csvReason'),
  t('csvChange'),
  t('csvChangeLower'),
  t('csvChangeUpper'),
  t('csvP'),
  t('csvQ'),
  t('csvTrainedReps'),
  t('csvComparisonReps'),
  t('csvCohorts'),
  t('csvTrendsDiffered'),
];
