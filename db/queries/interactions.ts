import { eq, sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { insertRows, selectIn } from './bulk';
import { interactions } from '../schema';

export type NewInteraction = typeof interactions.$inferInsert;

export async function getInteractionsByExternalId(
  db: Drizzle,
  externalIds: string[],
): Promise<Map<string, ExistingInteraction>> {
  const out = new Map<string, ExistingInteraction>();
  const rows = await selectIn(
    db,
    `SELECT ${INTERACTION_COLUMNS}, r.email AS repEmail FROM interactions i JOIN reps r ON r.id = i.rep_id WHERE i.external_id`,
    [...new Set(externalIds)],
  );
  for (const r of rows) {
    const interaction = toInteraction(r);
    out.set(interaction.externalId, { interaction, repEmail: String(r.repEmail) });
  }
  return out;
}

type Interaction = typeof interactions.$inferSelect;

const INTERACTION_COLUMNS = `i.id, i.external_id AS externalId, i.rep_id AS repId, i.customer_id AS customerId, i.type, i.occurred_at AS occurredAt,
  i.quote_requested_at AS quoteRequestedAt, i.quote_delivered_at AS quoteDeliveredAt, i.content_key AS contentKey, i.customer_key AS customerKey,
  i.source, i.survey_status AS surveyStatus, i.suppression_reason AS suppressionReason, i.import_id AS importId, i.created_at AS createdAt, i.updated_at AS updatedAt`;

const numberOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function toInteraction(r: Record<string, unknown>): Interaction {
  return {
    id: Number(r.id),
    externalId: String(r.externalId),
    repId: Number(r.repId),
    customerId: numberOrNull(r.customerId),
    type: r.type as Interaction['type'],
    occurredAt: Number(r.occurredAt),
    quoteRequestedAt: numberOrNull(r.quoteRequestedAt),
    quoteDeliveredAt: numberOrNull(r.quoteDeliveredAt),
    contentKey: String(r.contentKey),
    customerKey: String(r.customerKey),
    source: r.source as Interaction['source'],
    surveyStatus: r.surveyStatus as Interaction['surveyStatus'],
    suppressionReason: (r.suppressionReason ?? null) as Interaction['suppressionReason'],
    importId: numberOrNull(r.importId),
    createdAt: Number(r.createdAt),
    updatedAt: Number(r.updatedAt),
  };
}

export type ExistingInteraction = {
  interaction: typeof interactions.$inferSelect;
  repEmail: string;
};

/** Multi-row inserts (400 rows a statement, within SQLite's variable limit). Returns ids by externalId. */
export async function insertInteractions(
  tx: Drizzle,
  rows: { values: NewInteraction; contentIds: string[] }[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 400) {
    const chunk = rows.slice(i, i + 400);
    const inserted = await insertRows(
      tx,
      `INSERT INTO interactions (external_id, rep_id, customer_id, type, occurred_at, quote_requested_at, quote_delivered_at, content_key, customer_key,
        source, survey_status, suppression_reason, import_id, created_at, updated_at)`,
      chunk.map(({ values: v }) => [
        v.externalId,
        v.repId,
        v.customerId ?? null,
        v.type,
        v.occurredAt,
        v.quoteRequestedAt ?? null,
        v.quoteDeliveredAt ?? null,
        v.contentKey ?? '',
        v.customerKey ?? '',
        v.source,
        v.surveyStatus,
        v.suppressionReason ?? null,
        v.importId ?? null,
        v.createdAt,
        v.updatedAt,
      ]),
      'RETURNING id, external_id',
    );
    for (const r of inserted) ids.set(String(r.external_id), Number(r.id));
    const links = chunk.flatMap((r) => r.contentIds.map((contentId) => [ids.get(r.values.externalId)!, contentId]));
    for (let j = 0; j < links.length; j += 2000)
      await insertRows(tx, 'INSERT INTO interaction_content (interaction_id, content_id)', links.slice(j, j + 2000));
  }
  return ids;
}

export async function setQuoteDelivered(tx: Drizzle, id: number, deliveredAt: number, now: number) {
  await tx.update(interactions).set({ quoteDeliveredAt: deliveredAt, updatedAt: now }).where(eq(interactions.id, id));
}

export async function countInteractions(db: Drizzle): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(interactions);
  return row?.n ?? 0;
}
