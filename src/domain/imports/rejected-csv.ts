/**
 * The rejected-rows file of an import that skipped rows: `line`, `reason`, then the kind's
 * own columns with the values as read, so that it can be fixed and uploaded again as it is
 * (the reader passes over `line` and `reason`, read-csv.ts REJECT_COLUMNS). The web
 * download and the CLI's `<file>.rejected.csv` are the same rows, read from import_rejects.
 */
import type { Drizzle } from '../../../db/client';
import type { ImportKind } from '../../../db/schema';
import { readRejects } from '../../../db/queries/imports';
import type { CsvRow } from '../../lib/csv';
import { CSV_FORMATS } from './formats';
import { REJECT_COLUMNS } from './read-csv';

const PAGE = 1000;

export function rejectedCsvHeader(kind: ImportKind): string[] {
  return [...REJECT_COLUMNS, ...CSV_FORMATS[kind].header.columns];
}

/** The import's rejected rows in line order, a page at a time. */
export async function* rejectedCsvPages(db: Drizzle, kind: ImportKind, importId: number): AsyncGenerator<CsvRow[]> {
  const columns = rejectedCsvHeader(kind).slice(REJECT_COLUMNS.length);
  for (let after = 0; ; ) {
    const rows = await readRejects(db, importId, after, PAGE);
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.line;
    yield rows.map((row) => {
      const values = JSON.parse(row.data) as Record<string, string>;
      return [row.line, row.reason, ...columns.map((column) => values[column] ?? '')];
    });
  }
}
