/**
 * The readable form of the staff CSV exports (issue 17, "Reports to share"): headers and
 * labels in the reader's language, columns in the order the page shows them, rates as
 * percentages, skills and CPIs by name. It is a projection of the raw form, which stays at
 * `?format=raw` with exactly the machine columns (docs/api.md, "CSV exports for staff"):
 * each readable column reads raw cells by their raw column name, so the two cannot drift.
 */
import type { Context } from 'hono';
import type { CsvRow } from '../../lib/csv';
import type { StaffKey, StaffT } from '../../lib/i18n/staff';
import type { CpiKey, JointGapLabel, JointLinkTier } from '../../stats';
import { CPI_KEYS, INTERACTION_TYPES, type InteractionType } from '../../lib/vocabulary';
import { cpiName, gapLabelName, tierName } from '../../../views/partials/names';
import { interactionTypeLabel } from '../../../views/components/labels';

export type Cell = CsvRow[number];
type Get = (rawColumn: string) => Cell;
export type Read = (v: Cell) => Cell;

export interface ReadableColumn {
  header: string;
  cell: (get: Get) => Cell;
}

export interface ReadableForm {
  header: string[];
  row: (raw: CsvRow) => CsvRow;
}

/** A readable column that reads one raw column. */
export const column = (header: string, raw: string, read: Read = (v) => v): ReadableColumn => ({
  header,
  cell: (get) => read(get(raw)),
});

/** `?format=raw` asks for the machine columns; anything else (or nothing) for the readable form. */
const wantsRaw = (c: Context) => c.req.query('format') === 'raw';

/** A readable form over raw rows with `rawHeader`; naming a raw column that does not exist is a bug, thrown at once. */
export function readableForm(rawHeader: readonly string[], columns: ReadableColumn[]): ReadableForm {
  const index = new Map(rawHeader.map((name, i) => [name, i]));
  for (const column of columns)
    column.cell((name) => {
      if (!index.has(name)) throw new Error(`readableForm: no raw column "${name}"`);
      return null;
    });
  return {
    header: columns.map((column) => column.header),
    row: (raw) => columns.map((column) => column.cell((name) => raw[index.get(name) ?? -1])),
  };
}

async function* readablePages(pages: AsyncIterable<CsvRow[]>, form: ReadableForm): AsyncGenerator<CsvRow[]> {
  for await (const rows of pages) yield rows.map(form.row);
}

/** The header and pages a request asked for: raw as they are (`?format=raw`), else through the readable form. */
export function chosenForm(
  c: Context,
  rawHeader: string[],
  readable: () => ReadableForm,
  pages: AsyncIterable<CsvRow[]>,
): { header: string[]; pages: AsyncIterable<CsvRow[]> } {
  if (wantsRaw(c)) return { header: rawHeader, pages };
  const form = readable();
  return { header: form.header, pages: readablePages(pages, form) };
}

const isCpi = (v: Cell): v is CpiKey => typeof v === 'string' && (CPI_KEYS as readonly string[]).includes(v);
const isType = (v: Cell): v is InteractionType =>
  typeof v === 'string' && (INTERACTION_TYPES as readonly string[]).includes(v);

/** Cell readers shared by every readable export. */
export function cellsFor(t: StaffT, skillName: (slug: string) => string = (slug) => slug) {
  const text = (v: Cell): Cell =>
    v === 'suppressed' ? t('notEnoughResponses') : v === 'yes' ? t('csvYes') : v === 'no' ? t('csvNo') : v;
  return {
    text,
    /** A rate 0–1 as a percentage with one decimal. */
    percent: (v: Cell): Cell => (typeof v === 'number' ? Math.round(v * 1000) / 10 : text(v)),
    /** A mean or count as it is, to two decimals. */
    number: (v: Cell): Cell => (typeof v === 'number' ? Math.round(v * 100) / 100 : text(v)),
    cpi: (v: Cell): Cell => (isCpi(v) ? cpiName(t, v) : v),
    skill: (v: Cell): Cell => (typeof v === 'string' && v !== '' ? skillName(v) : v),
    type: (v: Cell): Cell => (isType(v) ? interactionTypeLabel(t, v) : v),
    /** A gap's label; none reads "No label", as on the pages. */
    gapLabel: (v: Cell): Cell => gapLabelName(t, (typeof v === 'string' ? v : null) as JointGapLabel),
    tier: (v: Cell, separableFrom?: string): Cell =>
      typeof v === 'string' ? tierName(t, { tier: v as JointLinkTier, separableFrom }, skillName) : v,
    /** A value named by a key of its own: `${prefix}${value}`. */
    keyed:
      (prefix: string) =>
      (v: Cell): Cell =>
        typeof v === 'string' && v !== '' ? t(`${prefix}${v}` as StaffKey) : v,
  };
}
