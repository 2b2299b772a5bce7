/** The preview of a staged import: its first rows, in the kind's columns, as read from the file. */
import { CSV_FORMATS } from './formats';
import type { ImportKind } from '../../../db/schema';

export interface ImportPreview {
  columns: string[];
  rows: { line: number; cells: string[] }[];
}

/** Staged rows are kept as read (JSON, keyed by column). */
export function importPreview(kind: ImportKind, staged: { line: number; data: string }[]): ImportPreview {
  const columns = [...CSV_FORMATS[kind].header.columns];
  return {
    columns,
    rows: staged.map((row) => {
      const values = JSON.parse(row.data) as Record<string, string>;
      return { line: row.line, cells: columns.map((column) => values[column] ?? '') };
    }),
  };
}
