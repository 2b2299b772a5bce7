/**
 * Every write of survey answers goes through here — survey saves and submits, imports,
 * erasure; the running-total triggers keep the CPI totals in the same statement. A field
 * absent from a patch (undefined) leaves the saved answer as it was; null clears it.
 */
import { inArray } from 'drizzle-orm';
import type { InStatement, ResultSet } from '@libsql/client';
import type { Drizzle } from '../client';
import { hasLowAnswerText } from './follow-ups';
import { RESPONSE_EVENTS } from '../../src/lib/webhook-events';
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
  return savedResponseOf(await tx.$client.execute(upsertStatement(target, patch, submit, now)));
}

/** The upsert of one survey write (the interactive path: never guarded by webhooks). */
function upsertStatement(target: SurveyTarget, patch: AnswerPatch, submit: boolean, now: number): InStatement {
  const present = presentFields(patch);
  return { sql: upsertSql(present, 1, false), args: upsertArgs({ target, patch, submit, now }, present) };
}

const presentFields = (patch: AnswerPatch) =>
  (Object.keys(COLUMNS) as (keyof AnswerPatch)[]).filter((k) => patch[k] !== undefined);

function upsertArgs(w: Pick<SurveyWrite, 'target' | 'patch' | 'submit' | 'now'>, present: (keyof AnswerPatch)[]) {
  const { target, patch, submit, now } = w;
  return [
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
    ...present.map((k) => {
      const v = patch[k];
      return typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
    }),
  ];
}

interface SavedRow {
  id: number;
  iid: number;
  status: 'partial' | 'submitted';
  fcr: number | null;
  cu: number | null;
  dc: number | null;
  av: number | null;
  comment: string | null;
  consent: number;
}

const savedResponseOf = (result: ResultSet): SavedResponse | undefined => {
  const row = result.rows[0] as unknown as SavedRow | undefined;
  return row && toSaved(row);
};

const toSaved = (row: SavedRow): SavedResponse => ({
  id: Number(row.id),
  status: row.status,
  resolvedFirstContact: row.fcr,
  contentUseful: row.cu,
  decisionClearer: row.dc,
  addedValue: row.av,
  comment: row.comment,
  contactConsent: Number(row.consent) === 1,
});

/** One survey save or submit, as `surveyWriteStatements` takes it. */
export interface SurveyWrite {
  target: SurveyTarget;
  patch: AnswerPatch;
  submit: boolean;
  now: number;
  /** The language the customer chose on the page, kept as theirs. */
  customerLocale?: { customerId: number; locale: Locale } | undefined;
}

/**
 * Survey saves and submits — one, or many gathered from concurrent requests, each of a
 * different interaction — as statements that need no reads in between (one round trip to a
 * libSQL server, see Db.statements). Writes with the same fields share one multi-row
 * statement, so a server prepares a few statements per batch, not a few per answer. Each
 * statement carries its own guard:
 *
 * 1. the upserts, which change nothing once a response is submitted and, for submits,
 *    nothing where a webhook listens for response events (their payload is built in the
 *    interactive write, `writeSurveyAnswers`);
 * 2. the customers' chosen languages;
 * 3. for submits, only where the invitation's own response now stands submitted: the
 *    invitation marked responded (once, at the response's submit time), its pending
 *    reminder cancelled, and a follow-up opened where a consenting customer gave a low
 *    answer (once per response; not asked for when the post itself withholds consent).
 *
 * `surveyWriteOutcomes` reads, for each write, the response as it now stands, or undefined
 * when its upsert changed nothing.
 */
export function surveyWriteStatements(writes: readonly SurveyWrite[]): InStatement[] {
  const list: InStatement[] = upsertGroups(writes).map(({ present, submit, members }) => ({
    sql: upsertSql(present, members.length, submit),
    args: members.flatMap((w) => upsertArgs(w, present)),
  }));
  for (const w of writes)
    if (w.customerLocale)
      list.push({
        sql: 'UPDATE customers SET locale = ? WHERE id = ? AND locale <> ?',
        args: [w.customerLocale.locale, w.customerLocale.customerId, w.customerLocale.locale],
      });
  const submitted = writes.filter((w) => w.submit).map((w) => w.target.invitationId);
  if (submitted.length === 0) return list;
  const marks = submitted.map(() => '?').join(', ');
  list.push(
    {
      sql: `UPDATE invitations SET status = 'responded',
          responded_at = (SELECT r.submitted_at FROM responses r WHERE r.invitation_id = invitations.id)
        WHERE id IN (${marks}) AND status <> 'responded'
          AND EXISTS (SELECT 1 FROM responses r WHERE r.invitation_id = invitations.id AND r.status = 'submitted')`,
      args: submitted,
    },
    {
      sql: `UPDATE outbox SET status = 'cancelled', text_body = NULL, html_body = NULL
        WHERE invitation_id IN (${marks}) AND status = 'pending' AND kind = 'reminder'
          AND EXISTS (SELECT 1 FROM responses r WHERE r.invitation_id = outbox.invitation_id AND r.status = 'submitted')`,
      args: submitted,
    },
  );
  const mayFollowUp = writes
    .filter((w) => w.submit && w.patch.contactConsent !== false)
    .map((w) => w.target.invitationId);
  if (mayFollowUp.length > 0)
    list.push({
      sql: `INSERT INTO follow_ups (response_id, status, created_at, updated_at)
        SELECT id, 'open', submitted_at, submitted_at FROM responses
        WHERE invitation_id IN (${mayFollowUp.map(() => '?').join(', ')}) AND status = 'submitted' AND contact_consent = 1 AND ${hasLowAnswerText('')}
        ON CONFLICT DO NOTHING`,
      args: mayFollowUp,
    });
  return list;
}

/** For each write (in order), the response as its batch left it, or undefined when its upsert changed nothing. */
export function surveyWriteOutcomes(
  writes: readonly SurveyWrite[],
  results: readonly ResultSet[],
): (SavedResponse | undefined)[] {
  const saved = new Map<number, SavedResponse>();
  upsertGroups(writes).forEach((_, i) => {
    for (const row of results[i]!.rows as unknown as SavedRow[]) saved.set(Number(row.iid), toSaved(row));
  });
  return writes.map((w) => saved.get(w.target.interactionId));
}

/** Writes with the same fields and kind share an upsert (groups in the order of their first write). */
function upsertGroups(writes: readonly SurveyWrite[]) {
  const groups = new Map<string, { present: (keyof AnswerPatch)[]; submit: boolean; members: SurveyWrite[] }>();
  for (const w of writes) {
    const present = presentFields(w.patch);
    const key = `${w.submit}:${present.join(',')}`;
    const group = groups.get(key) ?? groups.set(key, { present, submit: w.submit, members: [] }).get(key)!;
    group.members.push(w);
  }
  return [...groups.values()];
}

const upsertTexts = new Map<string, string>();

/**
 * The upsert of `rows` writes with these fields; column names come from COLUMNS only, never
 * from input. `unlessWebhooks`: it writes nothing where a webhook listens for response events.
 */
function upsertSql(present: (keyof AnswerPatch)[], rows: number, unlessWebhooks: boolean): string {
  const key = `${present.join(',')}:${rows}:${unlessWebhooks}`;
  const cached = upsertTexts.get(key);
  if (cached) return cached;
  const columns = present.map((k) => `, ${COLUMNS[k]}`).join('');
  const row = `(?, ?, ?, ?, ?, ?, 'survey', ?, ?, ?, ?${present.map(() => ', ?').join('')})`;
  const values = `VALUES ${Array.from({ length: rows }, () => row).join(', ')}`;
  // SELECT … WHERE: the WHERE also keeps SQLite from reading ON CONFLICT as a join's ON.
  const source = unlessWebhooks
    ? `SELECT * FROM (${values}) WHERE NOT EXISTS (SELECT 1 FROM webhook_endpoints, json_each(webhook_endpoints.events) AS e WHERE e.value IN (${RESPONSE_EVENTS.map((event) => `'${event}'`).join(', ')}))`
    : values;
  const updates = present.map((k) => `, ${COLUMNS[k]} = excluded.${COLUMNS[k]}`).join('');
  const text = `INSERT INTO responses (invitation_id, interaction_id, rep_id, interaction_type, occurred_at, status, source, locale, started_at, submitted_at, updated_at${columns})
    ${source}
    ON CONFLICT (interaction_id) DO UPDATE SET status = excluded.status, submitted_at = excluded.submitted_at, updated_at = excluded.updated_at,
      locale = excluded.locale${updates}
    WHERE responses.status = 'partial'
    RETURNING id, interaction_id AS iid, status, resolved_first_contact AS fcr, content_useful AS cu, decision_clearer AS dc, added_value AS av, comment, contact_consent AS consent`;
  // One text per field set for single writes (the hot path on a file); many-row texts are not kept.
  if (rows === 1) upsertTexts.set(key, text);
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
