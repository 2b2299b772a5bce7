/**
 * Streams a CSV file (csv-parse) into records keyed by header, with physical line
 * numbers (a quoted newline moves the count on), in bounded memory. Refuses, with a
 * message naming the line: bytes that are not UTF-8 (Latin-1 exports), a header with
 * missing or unknown columns, another delimiter, and rows of the wrong width.
 */
import { Transform, type Readable } from 'node:stream';
import { parse } from 'csv-parse';

export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

export class CsvFileError extends Error {
  constructor(
    readonly line: number,
    readonly column: string,
    message: string,
  ) {
    super(message);
    this.name = 'CsvFileError';
  }
}

type Utf8Scan = { kind: 'ok' } | { kind: 'bad'; at: number } | { kind: 'partial'; at: number };

/** Finds the first byte that breaks UTF-8, or a sequence cut off at the end of the buffer. */
function scanUtf8(buf: Uint8Array): Utf8Scan {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return { kind: 'bad', at: i };
    for (let k = 1; k <= need; k++) {
      if (i + k >= buf.length) return { kind: 'partial', at: i };
      if ((buf[i + k]! & 0xc0) !== 0x80) return { kind: 'bad', at: i };
    }
    i += need + 1;
  }
  return { kind: 'ok' };
}

/** Passes bytes through, failing at the first byte that is not UTF-8, with its line. */
function utf8Guard(): Transform {
  let carry = Buffer.alloc(0);
  let lines = 1;
  const countLines = (buf: Uint8Array, end: number) => {
    for (let k = 0; k < end; k++) if (buf[k] === 0x0a) lines++;
  };
  const check = (buf: Buffer, final: boolean): Buffer => {
    const scan = scanUtf8(buf);
    if (scan.kind === 'partial' && !final) {
      carry = Buffer.from(buf.subarray(scan.at));
      const ready = buf.subarray(0, scan.at);
      countLines(ready, ready.length);
      return ready;
    }
    if (scan.kind !== 'ok') {
      countLines(buf, scan.at);
      const byte = buf[scan.at]!.toString(16).toUpperCase().padStart(2, '0');
      throw new CsvFileError(lines, '', `the file is not UTF-8 (byte 0x${byte}; it looks like Latin-1 or Windows-1252). Save it as "CSV UTF-8" and import it again.`);
    }
    carry = Buffer.alloc(0);
    countLines(buf, buf.length);
    return buf;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        done(null, check(carry.length ? Buffer.concat([carry, chunk]) : chunk, false));
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        if (carry.length) this.push(check(carry, true));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

export interface HeaderSpec {
  required: readonly string[];
  optional: readonly string[];
}

export async function* readCsv(input: Readable, spec: HeaderSpec): AsyncGenerator<CsvRecord> {
  const guard = utf8Guard();
  const parser = input.pipe(guard).pipe(parse({ bom: true, raw: true, relax_column_count: true, max_record_size: 1_000_000 }));
  input.on('error', (error) => parser.destroy(error));
  guard.on('error', (error) => parser.destroy(error));
  let line = 1;
  let header: string[] | undefined;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const start = line;
      // raw holds the record's own newlines and, depending on the line ending, part of the one ending it.
      line += (raw.replace(/\n$/, '').match(/\n/g)?.length ?? 0) + 1;
      if (record.length === 1 && record[0]!.trim() === '') continue;
      if (!header) {
        header = checkHeader(record, spec);
        continue;
      }
      if (record.length !== header.length) {
        throw new CsvFileError(start, '', `expected ${header.length} columns as in the header, found ${record.length}`);
      }
      const values: Record<string, string> = {};
      header.forEach((name, i) => (values[name] = record[i] ?? ''));
      yield { line: start, values };
    }
  } catch (error) {
    if (error instanceof CsvFileError) throw error;
    const e = error as { code?: string; lines?: number; message?: string };
    if (e.code?.startsWith('CSV_')) throw new CsvFileError(e.lines ?? line, '', `the file is not valid CSV: ${e.message ?? e.code}`);
    throw error;
  }
  if (!header) throw new CsvFileError(1, '', `the file is empty; the first line must name the columns: ${spec.required.join(', ')}`);
}

function checkHeader(record: string[], spec: HeaderSpec): string[] {
  const names = record.map((name) => name.trim());
  const known = new Set([...spec.required, ...spec.optional]);
  if (names.length === 1) {
    const only = names[0]!;
    const delimiter = [';', '\t', '|'].find((d) => only.includes(d));
    if (delimiter) {
      const shown = delimiter === '\t' ? 'tabs' : `"${delimiter}"`;
      throw new CsvFileError(1, '', `the file seems to use ${shown} between columns; CPI Lens reads comma-separated files (save as "CSV UTF-8 (comma delimited)")`);
    }
  }
  const missing = spec.required.filter((name) => !names.includes(name));
  const unknown = names.filter((name) => !known.has(name));
  const problems = [];
  if (missing.length) problems.push(`missing column(s): ${missing.join(', ')}`);
  if (unknown.length) problems.push(`unknown column(s): ${unknown.join(', ')}`);
  const duplicated = names.filter((name, i) => names.indexOf(name) !== i);
  if (duplicated.length) problems.push(`repeated column(s): ${[...new Set(duplicated)].join(', ')}`);
  if (problems.length) throw new CsvFileError(1, '', `${problems.join('; ')} (expected: ${[...spec.required, ...spec.optional].join(', ')})`);
  return names;
}
