/**
 * Analyses served per data version (db/data-version-triggers.ts): every write an analysis
 * reads moves the version; a result is computed once per version and parameters, on the
 * analysis worker (./runner.ts), stored in the database so every instance serves it, and
 * served from there — pages and the API say when it was computed. A request for a result
 * whose data has moved on gets the latest stored one at once while a fresh one is computed
 * (`stale-ok`), or waits for the fresh one (`wait`, the API's reads, and anything with no
 * result stored yet that must answer with data).
 */
import type { AppDeps } from '../../context';
import {
  getAnalysisResult,
  getDataVersion,
  getLatestAnalysis,
  saveAnalysis,
  type StoredAnalysis,
} from '../../../db/queries/analysis-cache';
import { paramsKey, type AnalysisKind, type AnalysisKinds } from './kinds';
import { AnalysisRunner } from './runner';

export interface Served<T> {
  status: 'ready';
  result: T;
  dataVersion: number;
  computedAt: number;
  durationMs: number;
  /** The data changed since: a fresh result is being computed. */
  stale: boolean;
}
export interface Computing {
  status: 'computing';
}

const runners = new WeakMap<AppDeps['db'], AnalysisRunner>();
/** The last result parsed per kind and parameters (a stored result is read far more often than it changes). */
const parsed = new WeakMap<AppDeps['db'], Map<string, { dataVersion: number; value: unknown }>>();
const runnerFor = (deps: AppDeps): AnalysisRunner =>
  runners.get(deps.db) ?? runners.set(deps.db, new AnalysisRunner(deps.config, deps.db)).get(deps.db)!;

/** Ends this database's analysis worker (a one-shot command that asked for analyses, before it exits). */
export async function stopAnalyses(deps: AppDeps): Promise<void> {
  await runners.get(deps.db)?.stop();
  runners.delete(deps.db);
}

/** Computes the result for the data version read now, and stores it under that version. */
async function refresh(
  deps: AppDeps,
  kind: AnalysisKind,
  params: Record<string, unknown>,
  key: string,
  version: number,
) {
  const computed = await runnerFor(deps).run(kind, params, `${kind}|${key}|${version}`);
  const stored = {
    dataVersion: version,
    computedAt: deps.clock.nowMs(),
    durationMs: computed.durationMs,
    result: computed.json,
  };
  await deps.db.write((tx) => saveAnalysis(tx, kind, key, stored));
  return stored;
}

export async function serveAnalysis<K extends AnalysisKind>(
  deps: AppDeps,
  kind: K,
  params: AnalysisKinds[K]['params'],
  mode: 'wait' | 'stale-ok',
): Promise<Served<AnalysisKinds[K]['result']> | Computing> {
  const key = paramsKey(params);
  const [version, latest] = await Promise.all([
    getDataVersion(deps.db.read),
    getLatestAnalysis(deps.db.read, kind, key),
  ]);
  const memo = parsed.get(deps.db) ?? parsed.set(deps.db, new Map()).get(deps.db)!;
  const served = async (
    s: Omit<StoredAnalysis, 'result'> & { result?: string },
    stale: boolean,
  ): Promise<Served<AnalysisKinds[K]['result']>> => {
    const cached = memo.get(`${kind}|${key}`);
    const text =
      cached && cached.dataVersion === s.dataVersion
        ? undefined
        : (s.result ?? (await getAnalysisResult(deps.db.read, kind, key, s.dataVersion)));
    // Another instance stored a newer version and dropped this one meanwhile: read again.
    if (!(cached && cached.dataVersion === s.dataVersion) && text === undefined)
      return (await serveAnalysis(deps, kind, params, 'wait')) as Served<AnalysisKinds[K]['result']>;
    const value = text === undefined ? cached!.value : JSON.parse(text);
    memo.set(`${kind}|${key}`, { dataVersion: s.dataVersion, value });
    return {
      status: 'ready',
      result: value as AnalysisKinds[K]['result'],
      dataVersion: s.dataVersion,
      computedAt: s.computedAt,
      durationMs: s.durationMs,
      stale,
    };
  };
  if (latest && latest.dataVersion === version) return served(latest, false);
  const fresh = refresh(deps, kind, params, key, version);
  if (mode === 'wait') return served(await fresh, false);
  // Computed in the background: a failure is logged, and the next request tries again.
  fresh.catch((error: unknown) =>
    console.error(`[analysis] ${kind} failed: ${error instanceof Error ? error.message : String(error)}`),
  );
  return latest ? served(latest, true) : { status: 'computing' };
}
