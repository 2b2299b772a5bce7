/** The data version and the stored analysis results (src/domain/analysis/cache.ts). */
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { analysisResults } from '../schema';
import { rowsOf } from './bulk';

export async function getDataVersion(db: Drizzle): Promise<number> {
  const [row] = await rowsOf(db, sql`SELECT version FROM data_version WHERE id = 1`);
  return Number(row?.[0] ?? 0);
}

export interface StoredAnalysis {
  dataVersion: number;
  computedAt: number;
  durationMs: number;
  result: string;
}

/** When the newest stored result of this kind and parameters was computed, and for which data version (not the result). */
export async function getLatestAnalysis(
  db: Drizzle,
  kind: string,
  params: string,
): Promise<Omit<StoredAnalysis, 'result'> | undefined> {
  const [row] = await db
    .select({
      dataVersion: analysisResults.dataVersion,
      computedAt: analysisResults.computedAt,
      durationMs: analysisResults.durationMs,
    })
    .from(analysisResults)
    .where(and(eq(analysisResults.kind, kind), eq(analysisResults.params, params)))
    .orderBy(desc(analysisResults.dataVersion))
    .limit(1);
  return row;
}

/** A stored result's JSON text. */
export async function getAnalysisResult(
  db: Drizzle,
  kind: string,
  params: string,
  dataVersion: number,
): Promise<string | undefined> {
  const [row] = await db
    .select({ result: analysisResults.result })
    .from(analysisResults)
    .where(
      and(
        eq(analysisResults.kind, kind),
        eq(analysisResults.params, params),
        eq(analysisResults.dataVersion, dataVersion),
      ),
    );
  return row?.result;
}

/** Stores a result (a second instance storing the same version changes nothing) and drops older versions of it. */
export async function saveAnalysis(tx: Drizzle, kind: string, params: string, stored: StoredAnalysis): Promise<void> {
  await tx
    .insert(analysisResults)
    .values({ kind, params, ...stored })
    .onConflictDoNothing();
  await tx
    .delete(analysisResults)
    .where(
      and(
        eq(analysisResults.kind, kind),
        eq(analysisResults.params, params),
        lt(analysisResults.dataVersion, stored.dataVersion),
      ),
    );
}
