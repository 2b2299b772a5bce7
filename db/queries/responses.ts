/**
 * Every write of survey answers goes through here — survey saves and submits, imports,
 * erasure; the running-total triggers keep the CPI totals in the same statement. A field
 * absent from a patch (undefined) leaves the saved answer as it was; null clears it.
 */
import { inArray } from 'drizzle-orm';
import type { InStatement, ResultSet } from '@libsql/client';
import type { Drizzle } from '../client';
import { hasLowAnswerText } from './follow-ups';
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
  return savedResponseOf(await tx.$client.execute(upsertStatement(target, patch, submit, now, false)));
}

/** The upsert of a survey write; `unlessWebhooks`: it does nothing where a webhook listens for responses. */
function upsertStatement(
  target: SurveyTarget,
  patch: AnswerPatch,
  submit: boolean,
  now: number,
  unlessWebhooks: boolean,
): InStatement {
  const present = (Object.keys(COLUMNS) as (keyof AnswerPatch)[]).filter((k) => patch[k] !== undefined);
  const values = present.map((k) => {
    const v = patch[k];
    return typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
  });
  return {
    sql: upsertSql(present, unlessWebhooks),
    args: [
      target.invitationId,
      target.interactionId,
      target.repId,
      target.interactionType,
      target.occurredAt,
      submit ? 'submitted' : 'partial',
      target.locale,
      now,
      submit ? now : null,
      now,
      ...values,
    ],
  };
}

function savedResponseOf(result: ResultSet): SavedResponse | undefined {
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

/**
 * A survey save or submit as statements that need no reads in between (one round trip to a
 * libSQL server, see Db.statements), each carrying its own guard:
 *
 * 1. the upsert, which changes nothing once the response is submitted and, for a submit,
 *    nothing where a webhook listens for response events (their payload is built in the
 *    interactive write, `writeSurveyAnswers`);
 * 2. the customer's chosen language, if any;
 * 3. on submit, only where this invitation's response now stands submitted: the invitation
 *    marked responded (once), its pending reminder cancelled, and a follow-up opened where a
 *    consenting customer gave a low answer (once per response; not asked for when this post
 *    itself withholds consent).
 *
 * Read the outcome with `surveyBatchOutcome`.
 */
export function surveyAnswerStatements(
  target: SurveyTarget,
  patch: AnswerPatch,
  submit: boolean,
  now: number,
  customerLocale?: { customerId: number; locale: Locale },
): InStatement[] {
  const list = [upsertStatement(target, patch, submit, now, submit)];
  if (customerLocale)
    list.push({
      sql: 'UPDATE customers SET locale = ? WHERE id = ? AND locale <> ?',
      args: [customerLocale.locale, customerLocale.customerId, customerLocale.locale],
    });
  if (!submit) return list;
  const ours = `EXISTS (SELECT 1 FROM responses WHERE interaction_id = ? AND invitation_id = ? AND status = 'submitted')`;
  const mine = [target.interactionId, target.invitationId];
  list.push(
    {
      sql: `UPDATE invitations SET status = 'responded', responded_at = ? WHERE id = ? AND status <> 'responded' AND ${ours}`,
      args: [now, target.invitationId, ...mine],
    },
    {
      sql: `UPDATE outbox SET status = 'cancelled', text_body = NULL, html_body = NULL
        WHERE invitation_id = ? AND status = 'pending' AND kind = 'reminder' AND ${ours}`,
      args: [target.invitationId, ...mine],
    },
  );
  // A customer who says "do not contact me" in this very post gets no follow-up, whatever was saved before.
  if (patch.contactConsent !== false)
    list.push({
      sql: `INSERT INTO follow_ups (response_id, status, created_at, updated_at)
        SELECT id, 'open', ?, ? FROM responses
        WHERE interaction_id = ? AND invitation_id = ? AND status = 'submitted' AND contact_consent = 1 AND ${hasLowAnswerText('')}
        ON CONFLICT DO NOTHING`,
      args: [now, now, ...mine],
    });
  return list;
}

/** The response as the batch left it, or undefined when its upsert changed nothing. */
export const surveyBatchOutcome = (results: ResultSet[]): SavedResponse | undefined => savedResponseOf(results[0]!);

const upsertTexts = new Map<string, string>();

/** The upsert for these fields; column names come from COLUMNS only, never from input. */
function upsertSql(present: (keyof AnswerPatch)[], unlessWebhooks: boolean): string {
  const key = `${present.join(',')}${unlessWebhooks ? '+guard' : ''}`;
  const cached = upsertTexts.get(key);
  if (cached) return cached;
  const columns = present.map((k) => `, ${COLUMNS[k]}`).join('');
  const marks = present.map(() => ', ?').join('');
  const updates = present.map((k) => `, ${COLUMNS[k]} = excluded.${COLUMNS[k]}`).join('');
  // INSERT … SELECT … WHERE: the WHERE also keeps SQLite from reading ON CONFLICT as a join's ON.
  const source = unlessWebhooks
    ? `SELECT ?, ?, ?, ?, ?, ?, 'survey', ?, ?, ?, ?${marks} WHERE NOT EXISTS (SELECT 1 FROM webhook_endpoints, json_each(webhook_endpoints.events) AS e WHERE e.value IN ('response.submitted', 'response.low_score_with_consent'))`
    : `VALUES (?, ?, ?, ?, ?, ?, 'survey', ?, ?, ?, ?${marks})`;
  const text = `INSERT INTO responses (invitation_id, interaction_id, rep_id, interaction_type, occurred_at, status, source, locale, started_at, submitted_at, updated_at${columns})
    ${source}
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
