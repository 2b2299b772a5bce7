/**
 * The CPI rollups (rep × month × interaction type) kept current on every write path:
 * survey submit, response import, invitation creation, erasure and retention. Every
 * change goes through `applyRollupDeltas`, so the counts stay equal to a full rebuild.
 */
import { sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import type { InteractionType } from '../schema';
import { monthKey } from '../../src/lib/periods';

export interface Answers {
  resolvedFirstContact: number | null;
  contentUseful: number | null;
  decisionClearer: number | null;
  addedValue: number | null;
}

export interface RollupDelta {
  repId: number;
  month: number;
  interactionType: InteractionType;
  invitations: number;
  responses: number;
  invitedResponses: number;
  fcrN: number;
  fcrYes: number;
  cuN: number;
  cuSum: number;
  cuSq: number;
  cuTop2: number;
  dcN: number;
  dcSum: number;
  dcSq: number;
  dcTop2: number;
  avN: number;
  avSum: number;
  avSq: number;
  avTop2: number;
}

const COUNT_FIELDS = ['invitations', 'responses', 'invitedResponses', 'fcrN', 'fcrYes', 'cuN', 'cuSum', 'cuSq', 'cuTop2', 'dcN', 'dcSum', 'dcSq', 'dcTop2', 'avN', 'avSum', 'avSq', 'avTop2'] as const;

function emptyDelta(repId: number, occurredAt: number, interactionType: InteractionType): RollupDelta {
  const delta = { repId, month: monthKey(occurredAt), interactionType } as RollupDelta;
  for (const f of COUNT_FIELDS) delta[f] = 0;
  return delta;
}

export function invitationDelta(repId: number, occurredAt: number, interactionType: InteractionType, sign: 1 | -1 = 1): RollupDelta {
  return { ...emptyDelta(repId, occurredAt, interactionType), invitations: sign };
}

/** The contribution of one submitted response (sign −1 to take it away again). */
export function responseDelta(
  r: Answers & { repId: number; occurredAt: number; interactionType: InteractionType; invited: boolean },
  sign: 1 | -1 = 1,
): RollupDelta {
  const d = emptyDelta(r.repId, r.occurredAt, r.interactionType);
  d.responses = sign;
  d.invitedResponses = r.invited ? sign : 0;
  if (r.resolvedFirstContact !== null) {
    d.fcrN = sign;
    d.fcrYes = r.resolvedFirstContact === 1 ? sign : 0;
  }
  const likert = (v: number | null, n: 'cuN' | 'dcN' | 'avN', s: 'cuSum' | 'dcSum' | 'avSum', q: 'cuSq' | 'dcSq' | 'avSq', t: 'cuTop2' | 'dcTop2' | 'avTop2') => {
    if (v === null) return;
    d[n] = sign;
    d[s] = sign * v;
    d[q] = sign * v * v;
    d[t] = v >= 4 ? sign : 0;
  };
  likert(r.contentUseful, 'cuN', 'cuSum', 'cuSq', 'cuTop2');
  likert(r.decisionClearer, 'dcN', 'dcSum', 'dcSq', 'dcTop2');
  likert(r.addedValue, 'avN', 'avSum', 'avSq', 'avTop2');
  return d;
}

/** Sums deltas by bucket, then upserts each bucket once. */
export async function applyRollupDeltas(tx: Drizzle, deltas: RollupDelta[]): Promise<void> {
  const merged = new Map<string, RollupDelta>();
  for (const d of deltas) {
    const key = `${d.repId}|${d.month}|${d.interactionType}`;
    const existing = merged.get(key);
    if (!existing) merged.set(key, { ...d });
    else for (const f of COUNT_FIELDS) existing[f] += d[f];
  }
  for (const d of merged.values()) {
    await tx.run(sql`
      INSERT INTO cpi_rollups (rep_id, month, interaction_type, invitations, responses, invited_responses,
        fcr_n, fcr_yes, cu_n, cu_sum, cu_sq, cu_top2, dc_n, dc_sum, dc_sq, dc_top2, av_n, av_sum, av_sq, av_top2)
      VALUES (${d.repId}, ${d.month}, ${d.interactionType}, ${d.invitations}, ${d.responses}, ${d.invitedResponses},
        ${d.fcrN}, ${d.fcrYes}, ${d.cuN}, ${d.cuSum}, ${d.cuSq}, ${d.cuTop2}, ${d.dcN}, ${d.dcSum}, ${d.dcSq}, ${d.dcTop2},
        ${d.avN}, ${d.avSum}, ${d.avSq}, ${d.avTop2})
      ON CONFLICT (rep_id, month, interaction_type) DO UPDATE SET
        invitations = invitations + excluded.invitations, responses = responses + excluded.responses,
        invited_responses = invited_responses + excluded.invited_responses,
        fcr_n = fcr_n + excluded.fcr_n, fcr_yes = fcr_yes + excluded.fcr_yes,
        cu_n = cu_n + excluded.cu_n, cu_sum = cu_sum + excluded.cu_sum, cu_sq = cu_sq + excluded.cu_sq, cu_top2 = cu_top2 + excluded.cu_top2,
        dc_n = dc_n + excluded.dc_n, dc_sum = dc_sum + excluded.dc_sum, dc_sq = dc_sq + excluded.dc_sq, dc_top2 = dc_top2 + excluded.dc_top2,
        av_n = av_n + excluded.av_n, av_sum = av_sum + excluded.av_sum, av_sq = av_sq + excluded.av_sq, av_top2 = av_top2 + excluded.av_top2`);
  }
}

/** Recomputes every rollup from the rows (maintenance, demo loading, and the tests' yardstick). */
export async function rebuildRollups(tx: Drizzle): Promise<void> {
  await tx.run(sql`DELETE FROM cpi_rollups`);
  await tx.run(sql`
    INSERT INTO cpi_rollups (rep_id, month, interaction_type, invitations, responses, invited_responses,
      fcr_n, fcr_yes, cu_n, cu_sum, cu_sq, cu_top2, dc_n, dc_sum, dc_sq, dc_top2, av_n, av_sum, av_sq, av_top2)
    SELECT rep_id, month, interaction_type, sum(invitations), sum(responses), sum(invited_responses),
      sum(fcr_n), sum(fcr_yes), sum(cu_n), sum(cu_sum), sum(cu_sq), sum(cu_top2), sum(dc_n), sum(dc_sum), sum(dc_sq), sum(dc_top2),
      sum(av_n), sum(av_sum), sum(av_sq), sum(av_top2)
    FROM (
      SELECT i.rep_id, CAST(strftime('%Y%m', i.occurred_at / 1000, 'unixepoch') AS INTEGER) AS month, i.type AS interaction_type,
        1 AS invitations, 0 AS responses, 0 AS invited_responses, 0 AS fcr_n, 0 AS fcr_yes, 0 AS cu_n, 0 AS cu_sum, 0 AS cu_sq, 0 AS cu_top2,
        0 AS dc_n, 0 AS dc_sum, 0 AS dc_sq, 0 AS dc_top2, 0 AS av_n, 0 AS av_sum, 0 AS av_sq, 0 AS av_top2
      FROM invitations v JOIN interactions i ON i.id = v.interaction_id WHERE v.status <> 'cancelled'
      UNION ALL
      SELECT rep_id, CAST(strftime('%Y%m', occurred_at / 1000, 'unixepoch') AS INTEGER), interaction_type,
        0, 1, CASE WHEN invitation_id IS NULL THEN 0 ELSE 1 END,
        CASE WHEN resolved_first_contact IS NULL THEN 0 ELSE 1 END, coalesce(resolved_first_contact, 0),
        CASE WHEN content_useful IS NULL THEN 0 ELSE 1 END, coalesce(content_useful, 0), coalesce(content_useful * content_useful, 0), CASE WHEN content_useful >= 4 THEN 1 ELSE 0 END,
        CASE WHEN decision_clearer IS NULL THEN 0 ELSE 1 END, coalesce(decision_clearer, 0), coalesce(decision_clearer * decision_clearer, 0), CASE WHEN decision_clearer >= 4 THEN 1 ELSE 0 END,
        CASE WHEN added_value IS NULL THEN 0 ELSE 1 END, coalesce(added_value, 0), coalesce(added_value * added_value, 0), CASE WHEN added_value >= 4 THEN 1 ELSE 0 END
      FROM responses WHERE status = 'submitted'
    )
    GROUP BY rep_id, month, interaction_type`);
}
