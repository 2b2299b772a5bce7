/**
 * Every write of survey answers goes through here — survey saves and submits, imports,
 * erasure; the running-total triggers keep the CPI totals in the same statement. A field
 * absent from a patch (undefined) leaves the saved answer as it was; null clears it.
 */
import { inArray } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { responses, type InteractionType, type Locale } from '../schema';
import { withBulkRollups } from './rollups';

export interface AnswerPatch {
  resolvedFirstContact?: number | null;
  contentUseful?: number | null;
  decisionClearer?: number | null;
  addedValue?: number | null;
  comment?: string | null;
  contactConsent?: boolean;
}

const COLUMNS: Record<keyof AnswerPatch, string> = {
  resolvedFirstContact: 'resolved_first_contact',
  contentUseful: 'content_useful',
  decisionClearer: 'decision_clearer',
  addedValue: 'added_value',
  comment: 'comment',
  contactConsent: 'contact_consent',
};

export interface SurveyTarget {
  invitationId: number;
  interactionId: number;
  repId: number;
  interactionType: InteractionType;
  occurredAt: number;
  locale: Locale;
}

/** What a survey write returns: the response's answers as they now stand. */
export interface SavedResponse {
  id: number;
  status: 'partial' | 'submitted';
  resolvedFirstContact: number | null;
  contentUseful: number | null;
  decisionClearer: number | null;
  addedValue: number | null;
  comment: string | null;
  contactConsent: boolean;
}

/**
 * Saves answers (partial) or submits them. Returns the row as it now stands, or
 * undefined when the interaction's response had already been submitted — by this survey,
 * or imported from another tool — and nothing is changed then. (One response per
 * interaction: the upsert keys on it, so an imported answer can never collide with it.)
 */
export async function writeSurveyAnswers(
  tx: Drizzle,
  target: SurveyTarget,
  patch: AnswerPatch,
  submit: boolean,
  now: number,
): Promise<SavedResponse | undefined> {
  const present = (Object.keys(COLUMNS) as (keyof AnswerPatch)[]).filter((k) => patch[k] !== undefined);
  const values = present.map((k) => {
    const v = patch[k];
    return typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
  });
  const status = submit ? 'submitted' : 'partial';
  // The hot path of every survey post: plain SQL, one text per combination of fields present
  // (building it through drizzle cost a fifth of a submit's CPU).
  const result = await tx.$client.execute({
    sql: upsertSql(present),
    args: [
      target.invitationId,
      target.interactionId,
      target.repId,
      target.interactionType,
      target.occurredAt,
      status,
      target.locale,
      now,
      submit ? now : null,
      now,
      ...values,
    ],
  });
  const row = result.rows[0] as unknown as
    | {
        id: number;
        status: 'partial' | 'submitted';
        fcr: number | null;
        cu: number | null;
        dc: number | null;
        av: number | null;
        comment: string | null;
        consent: number;
      }
    | undefined;
  if (row === undefined) return undefined;
  return {
    id: Number(row.id),
    status: row.status,
    resolvedFirstContact: row.fcr,
    contentUseful: row.cu,
    decisionClearer: row.dc,
    addedValue: row.av,
    comment: row.comment,
    contactConsent: Number(row.consent) === 1,
  };
}

const upsertTexts = new Map<string, string>();

/** The upsert for these fields; column names come from COLUMNS only, never from input. */
function upsertSql(present: (keyof AnswerPatch)[]): string {
  const key = present.join(',');
  const cached = upsertTexts.get(key);
  if (cached) return cached;
  const columns = present.map((k) => `, ${COLUMNS[k]}`).join('');
  const marks = present.map(() => ', ?').join('');
  const updates = present.map((k) => `, ${COLUMNS[k]} = excluded.${COLUMNS[k]}`).join('');
  const text = `INSERT INTO responses (invitation_id, interaction_id, rep_id, interaction_type, occurred_at, status, source, locale, started_at, submitted_at, updated_at${columns})
    VALUES (?, ?, ?, ?, ?, ?, 'survey', ?, ?, ?, ?${marks})
    ON CONFLICT (interaction_id) DO UPDATE SET status = excluded.status, submitted_at = excluded.submitted_at, updated_at = excluded.updated_at,
      locale = excluded.locale${updates}
    WHERE responses.status = 'partial'
    RETURNING id, status, resolved_first_contact AS fcr, content_useful AS cu, decision_clearer AS dc, added_value AS av, comment, contact_consent AS consent`;
  upsertTexts.set(key, text);
  return text;
}

export interface ImportedResponse {
  interactionId: number;
  repId: number;
  interactionType: InteractionType;
  occurredAt: number;
  answeredAt: number;
  resolvedFirstContact: number | null;
  contentUseful: number | null;
  decisionClearer: number | null;
  addedValue: number | null;
  comment: string | null;
  source: 'import' | 'demo';
  invitationId?: number | null;
  contactConsent?: boolean;
  locale?: Locale | null;
}

/** Inserts submitted responses; an interaction that already holds one counts as a duplicate. */
export async function insertSubmittedResponses(
  tx: Drizzle,
  list: ImportedResponse[],
  now: number,
): Promise<{ created: number; duplicates: number }> {
  // Many rows: the triggers stand aside and the reps' totals are rebuilt once.
  if (list.length > BULK_THRESHOLD)
    return withBulkRollups(
      tx,
      () => insertEach(tx, list, now),
      () => [...new Set(list.map((r) => r.repId))],
    );
  return insertEach(tx, list, now);
}

const BULK_THRESHOLD = 64;

async function insertEach(
  tx: Drizzle,
  list: ImportedResponse[],
  now: number,
): Promise<{ created: number; duplicates: number }> {
  let created = 0;
  for (const r of list) {
    const inserted = await tx
      .insert(responses)
      .values({
        invitationId: r.invitationId ?? null,
        interactionId: r.interactionId,
        repId: r.repId,
        interactionType: r.interactionType,
        occurredAt: r.occurredAt,
        status: 'submitted',
        source: r.source,
        resolvedFirstContact: r.resolvedFirstContact,
        contentUseful: r.contentUseful,
        decisionClearer: r.decisionClearer,
        addedValue: r.addedValue,
        comment: r.comment,
        contactConsent: r.contactConsent ?? false,
        locale: r.locale ?? null,
        startedAt: r.answeredAt,
        submittedAt: r.answeredAt,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: responses.id });
    created += inserted.length;
  }
  return { created, duplicates: list.length - created };
}

/** Deletes responses (the triggers take their answers out of the running totals). */
export async function deleteResponses(tx: Drizzle, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await tx.delete(responses).where(inArray(responses.id, ids)).returning({ id: responses.id });
  return rows.length;
}
