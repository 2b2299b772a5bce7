/**
 * Reading and validating an import file, a chunk of valid rows at a time: the one place
 * that turns CSV rows into the inputs the JSON API takes (the same zod schemas), and
 * invalid rows into errors naming line, column and value.
 */
import type { Readable } from 'node:stream';
import type { ImportKind } from '../../../db/schema';
import type { ImportError } from '../../../db/queries/imports';
import { CSV_FORMATS } from './formats';
import { CsvFileError, readCsvBatches } from './read-csv';
import { yieldToEventLoop } from '../../lib/yield';

export const MAX_ERRORS = 100;

/** Rows refused while publishing (an unknown rep, a conflict with what was received before): nothing is written. */
export class ImportRefused extends Error {
  constructor(readonly errors: ImportError[]) {
    super('import refused');
  }
}

export interface ValidRow {
  line: number;
  /** The row as the JSON API takes it (what is staged); undefined for rows read with `plain`. */
  candidate: unknown;
  /** The same, validated: the typed input the domain takes. */
  item: unknown;
}

export interface ReadResult {
  rows: number;
  errors: ImportError[];
  preview: Record<string, string>[];
}

/**
 * Reads and validates a CSV file, handing chunks of valid rows to `take` until the first
 * invalid row; after that it only collects errors (up to MAX_ERRORS) and hands on nothing.
 * A refusal thrown by `take` ends the reading and is thrown on. With `plain`, rows in the
 * format's plain form are checked without zod (see CsvFormat.plain).
 */
export async function readValidRows(
  kind: ImportKind,
  input: Readable,
  options: { maxRows?: number | undefined; plain?: boolean },
  chunkSize: number,
  take: (rows: ValidRow[]) => Promise<void>,
): Promise<ReadResult> {
  const format = CSV_FORMATS[kind];
  const errors: ImportError[] = [];
  const preview: Record<string, string>[] = [];
  let buffer: ValidRow[] = [];
  let rows = 0;
  try {
    reading: for await (const batch of readCsvBatches(input, format.header)) {
      for (const record of batch) {
        rows++;
        if (options.maxRows !== undefined && rows > options.maxRows) {
          throw new CsvFileError(record.line, '', `a file uploaded through the web may hold at most ${options.maxRows} rows; use "npm run cli -- import" for larger files`);
        }
        // Plain rows skip zod (and have no candidate: what is staged is read again through the schema).
        const plain = options.plain ? format.plain?.(record.values) : undefined;
        if (plain !== undefined) {
          if (errors.length > 0) continue;
          if (preview.length < 10) preview.push(record.values);
          buffer.push({ line: record.line, candidate: undefined, item: plain });
          continue;
        }
        const candidate = format.toInput(record.values);
        const parsed = format.schema.safeParse(candidate);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const column = format.columnOf(issue.path);
            if (errors.length < MAX_ERRORS) errors.push({ line: record.line, column, value: (record.values[column] ?? '').slice(0, 200), message: issue.message });
          }
          if (errors.length >= MAX_ERRORS) break reading;
          continue;
        }
        if (errors.length > 0) continue;
        if (preview.length < 10) preview.push(record.values);
        buffer.push({ line: record.line, candidate, item: parsed.data });
      }
      if (buffer.length >= chunkSize && errors.length === 0) {
        await take(buffer);
        buffer = [];
      }
      // A file already in memory (a web upload) arrives without waiting: let other requests in.
      await yieldToEventLoop();
    }
    if (buffer.length > 0 && errors.length === 0) await take(buffer);
  } catch (error) {
    if (!(error instanceof CsvFileError)) throw error;
    errors.push({ line: error.line, column: error.column, value: '', message: error.message });
  } finally {
    input.destroy();
  }
  return { rows, errors, preview };
}
