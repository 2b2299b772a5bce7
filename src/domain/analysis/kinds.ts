/**
 * The analyses computed once per data version (./cache.ts), by name: what each computes
 * from the database and its parameters. Shared by the server's thread (tests on a private
 * in-memory database) and the analysis worker (./worker.ts).
 */
import type { Drizzle } from '../../../db/client';
import { computeLinkAnalysis, type LinkAnalysis } from './links';
import { computeTrainingAnalysis, type TrainingAnalysis, type TrainingParams } from './training';

export interface AnalysisKinds {
  links: { params: { from: number; to: number }; result: LinkAnalysis };
  'training-effects': { params: TrainingParams; result: TrainingAnalysis };
}
export type AnalysisKind = keyof AnalysisKinds;

export const ANALYSES: {
  [K in AnalysisKind]: (db: Drizzle, params: AnalysisKinds[K]['params']) => Promise<AnalysisKinds[K]['result']>;
} = {
  links: (db, params) => computeLinkAnalysis(db, params),
  'training-effects': (db, params) => computeTrainingAnalysis(db, params),
};

/** Parameters as the cache stores them: canonical JSON (keys sorted). */
export function paramsKey(params: Record<string, unknown>): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.entries(params)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ),
  );
}
