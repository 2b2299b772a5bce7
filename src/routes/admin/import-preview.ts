/**
 * Staged rows are kept in the shape the JSON API takes (nested customer, answers, id
 * lists). For the preview they are flattened back into the CSV columns they came from.
 */
import { CSV_FORMATS } from '../../domain/imports/formats';
import type { ImportKind } from '../../../db/schema';

export interface ImportPreview {
  columns: string[];
  rows: { line: number; cells: string[] }[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cell).join(';');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** `customer.email` → `customerEmail` (interactions); `answers.comment` → `comment` (responses). */
function flatten(data: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(data)) return out;
  for (const [key, value] of Object.entries(data)) {
    if (isRecord(value)) {
      for (const [inner, innerValue] of Object.entries(value)) {
        const column = key === 'customer' ? `customer${inner.charAt(0).toUpperCase()}${inner.slice(1)}` : inner;
        out[column] = cell(innerValue);
      }
    } else out[key] = cell(value);
  }
  return out;
}

export function importPreview(kind: ImportKind, staged: { line: number; data: string }[]): ImportPreview {
  const { header } = CSV_FORMATS[kind];
  const columns = [...header.required, ...header.optional];
  return {
    columns,
    rows: staged.map((row) => {
      const values = flatten(JSON.parse(row.data) as unknown);
      return { line: row.line, cells: columns.map((column) => values[column] ?? '') };
    }),
  };
}
