/**
 * The analysis pages' own parameters beside the staff filters (./filters.ts): the CPI a
 * chart shows, the content search, its sort and page. Read with the same error policy: a bad
 * value is named by field and its default used.
 */
import { z } from 'zod';
import type { InteractionType } from '../lib/vocabulary';
import { CPI_KEYS, type CpiKey } from '../stats';
import { filterQuery, type FilterPeriod, type FilterValues } from './filters';

export const CONTENT_SORTS = ['useful', 'shared', 'title'] as const;
export type ContentSort = (typeof CONTENT_SORTS)[number];

const DEFAULTS = { cpi: 'fcr', q: '', sort: 'useful', page: 1 } as const;

const paramSchemas = {
  cpi: z.enum(CPI_KEYS),
  q: z.string().max(200),
  sort: z.enum(CONTENT_SORTS),
  page: z.coerce.number().int().min(1).max(100_000),
};
type ParamName = keyof typeof paramSchemas;

/** An analysis page's filters: the staff filters and its own parameters. */
export interface AnalysisFilters {
  range: FilterPeriod;
  type: InteractionType | undefined;
  team: number | undefined;
  /** The staff filters as they stay in the URL. */
  values: FilterValues;
  cpi: CpiKey;
  q: string;
  sort: ContentSort;
  page: number;
}

export interface ParamProblem {
  field: ParamName;
  code: 'invalid' | 'too-long';
}

type Params = Pick<AnalysisFilters, ParamName>;

export function readAnalysisParams(query: Record<string, string | undefined>): Params & { problems: ParamProblem[] } {
  const out: Params = { ...DEFAULTS };
  const problems: ParamProblem[] = [];
  for (const name of Object.keys(paramSchemas) as ParamName[]) {
    const raw = query[name]?.trim();
    if (!raw) continue;
    const checked = paramSchemas[name].safeParse(raw);
    if (checked.success) Object.assign(out, { [name]: checked.data });
    else problems.push({ field: name, code: name === 'q' ? 'too-long' : 'invalid' });
  }
  return { ...out, problems };
}

/** The query string of an analysis page: its staff filters (unless left out) and the named parameters, defaults left out. */
export function analysisQuery(
  f: AnalysisFilters,
  keep: readonly ParamName[],
  options: { filters?: boolean } = {},
): string {
  const extra: Record<string, string> = {};
  for (const name of keep) if (f[name] !== DEFAULTS[name]) extra[name] = String(f[name]);
  const none: FilterValues = { team: '', period: '', from: '', to: '', type: '' };
  return filterQuery(options.filters === false ? none : f.values, extra);
}
