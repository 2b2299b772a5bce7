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
  /** The row as read, keyed by column: what is staged, and what a rejected-rows file gives back. */
  values: Record<string, string>;
  /** The same, validated: the typed input the domain takes. */
  item: unknown;
}

/** A row left out of an import that skips invalid rows: its line, its problems (naming columns) and its values as read. */
export interface RejectedRow {
  line: number;
  errors: ImportError[];
  values: Record<string, string>;
}

/** A rejected row's reason: each of its problems, naming the column, in one line of text. */
export function rejectReason(errors: readonly ImportError[]): string {
  return errors.map((e) => (e.column ? `${e.column}: ${e.message}` : e.message)).join('; ');
}

export interface ReadResult {
  rows: number;
  /** The first MAX_ERRORS problems: the rows' own, or the one that refuses the whole file. */
  errors: ImportError[];
  preview: Record<string, string>[];
  /** Rows handed to `onRejected` (reading with it). */
  rejected: number;
  /** The file itself was refused (not UTF-8, no header, another delimiter, a ragged row, too many rows): nothing of it may be written. */
  fileRefused: boolean;
}

export interface ReadOptions {
  maxRows?: number | undefined;
  plain?: boolean;
  /**
   * Reads on past invalid rows: each one is handed here (a batch at a time) and the valid
   * rows after it still go to `take`. Without it, nothing is handed on after the first
   * invalid row and reading stops at MAX_ERRORS problems (all or nothing).
   */
  onRejected?: ((rows: RejectedRow[]) => Promise<void>) | undefined;
  /** Called after each batch with the number of rows read so far. */
  onProgress?: ((checked: number) => void) | undefined;
}

/**
 * Reads and validates a CSV file, handing chunks of valid rows to `take`. All or nothing
 * (the default): until the first invalid row; after that it only collects errors (up to
 * MAX_ERRORS) and hands on nothing. With `onRejected`: every valid row is handed on and
 * every invalid one rejected, whatever their order; a problem with the file itself still
 * refuses all of it. A refusal thrown by `take` ends the reading and is thrown on. With
 * `plain`, rows in the format's plain form are checked without zod (see CsvFormat.plain).
 */
export async function readValidRows(
  kind: ImportKind,
  input: Readable,
  options: ReadOptions,
  chunkSize: number,
  take: (rows: ValidRow[]) => Promise<void>,
): Promise<ReadResult> {
  const format = CSV_FORMATS[kind];
  const forgiving = options.onRejected !== undefined;
  const errors: ImportError[] = [];
  const preview: Record<string, string>[] = [];
  let buffer: ValidRow[] = [];
  let rejects: RejectedRow[] = [];
  let rows = 0;
  let rejected = 0;
  let fileRefused = false;
  // All or nothing: once a row failed, nothing more is handed on.
  const handingOn = () => forgiving || errors.length === 0;
  try {
    reading: for await (const batch of readCsvBatches(input, format.header)) {
      for (const record of batch) {
        rows++;
        if (options.maxRows !== undefined && rows > options.maxRows) {
          throw new CsvFileError(
            record.line,
            '',
            `a file uploaded through the web may hold at most ${options.maxRows} rows; use "npm run cli -- import" for larger files`,
          );
        }
        // Plain rows skip zod.
        const plain = options.plain ? format.plain?.(record.values) : undefined;
        let item: unknown = plain;
        if (plain === undefined) {
          const parsed = format.schema.safeParse(format.toInput(record.values));
          if (!parsed.success) {
            const rowErrors = parsed.error.issues.map((issue) => {
              const column = format.columnOf(issue.path);
              return {
                line: record.line,
                column,
                value: (record.values[column] ?? '').slice(0, 200),
                message: issue.message,
              };
            });
            for (const e of rowErrors) if (errors.length < MAX_ERRORS) errors.push(e);
            if (forgiving) {
              rejects.push({ line: record.line, errors: rowErrors, values: record.values });
              rejected++;
            } else if (errors.length >= MAX_ERRORS) break reading;
            continue;
          }
          item = parsed.data;
        }
        if (!handingOn()) continue;
        if (preview.length < 10) preview.push(record.values);
        buffer.push({ line: record.line, values: record.values, item });
      }
      if (rejects.length > 0) {
        await options.onRejected?.(rejects);
        rejects = [];
      }
      if (buffer.length >= chunkSize && handingOn()) {
        await take(buffer);
        buffer = [];
      }
      options.onProgress?.(rows);
      // A file already in memory (a web upload) arrives without waiting: let other requests in.
      await yieldToEventLoop();
    }
    if (buffer.length > 0 && handingOn()) await take(buffer);
  } catch (error) {
    if (!(error instanceof CsvFileError)) throw error;
    fileRefused = true;
    errors.push({ line: error.line, column: error.column, value: '', message: error.message });
  } finally {
    input.destroy();
  }
  return { rows, errors, preview, rejected, fileRefused };
}
