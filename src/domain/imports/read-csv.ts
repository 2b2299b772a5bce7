/**
 * Streams a CSV file into records keyed by header, with physical line
 * numbers (a quoted newline moves the count on), in bounded memory. Refuses, with a
 * message naming the line: bytes that are not UTF-8 (Latin-1 exports), a header with
 * missing or unknown columns, another delimiter, and rows of the wrong width.
 */
import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';

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
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return { kind: 'bad', at: i };
    for (let k = 1; k <= need; k++) {
      if (i + k >= buf.length) return { kind: 'partial', at: i };
      if ((buf[i + k]! & 0xc0) !== 0x80) return { kind: 'bad', at: i };
    }
    i += need + 1;
  }
  return { kind: 'ok' };
}

/** The number of line feeds in `buf` before `end`. */
function countLineFeeds(buf: Uint8Array, end: number): number {
  let count = 0;
  for (let i = buf.indexOf(0x0a); i >= 0 && i < end; i = buf.indexOf(0x0a, i + 1)) count++;
  return count;
}

/** Where the last complete UTF-8 sequence of `buf` ends (a sequence cut by the chunk waits for the next). */
function completeEnd(buf: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back]!;
    if (b < 0x80) return buf.length;
    if (b >= 0xc0) {
      const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return size > back ? buf.length - back : buf.length;
    }
  }
  return buf.length;
}

/** Decodes chunks of bytes (dropping a leading BOM), failing at the first byte that is not UTF-8, with its line. */
class Utf8Decoder {
  private carry: Buffer = Buffer.alloc(0);
  private lineFeeds = 0;
  private started = false;

  decode(chunk: Buffer, final: boolean): string {
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const end = final ? buf.length : completeEnd(buf);
    const ready = buf.subarray(0, end);
    if (!isUtf8(ready)) {
      const scan = scanUtf8(ready);
      const at = scan.kind === 'ok' ? ready.length : scan.at;
      const byte = (buf[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
      throw new CsvFileError(
        this.lineFeeds + countLineFeeds(ready, at) + 1,
        '',
        `the file is not UTF-8 (byte 0x${byte}; it looks like Latin-1 or Windows-1252). Save it as "CSV UTF-8" and import it again.`,
      );
    }
    this.lineFeeds += countLineFeeds(ready, ready.length);
    this.carry = Buffer.from(buf.subarray(end));
    const text = ready.toString('utf8');
    if (this.started || text.length === 0) return text;
    this.started = true;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

export interface HeaderSpec {
  /** Every column, in the documented order (README.md, "CSV imports"). */
  columns: readonly string[];
  required: readonly string[];
  optional: readonly string[];
}

/** A header of these columns, of which `required` must be present (the rest may be left out). */
export function headerSpec(columns: readonly string[], required: readonly string[]): HeaderSpec {
  return { columns, required, optional: columns.filter((column) => !required.includes(column)) };
}

/** The columns a rejected-rows file adds in front of a kind's own (rejected-csv.ts): read past, so it can be fixed and uploaded again as it is. */
export const REJECT_COLUMNS = ['line', 'reason'] as const;

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
/** A record longer than this is refused (most likely a quote never closed), so memory stays bounded. */
const MAX_RECORD_CHARS = 1_000_000;

interface RawRecord {
  line: number;
  fields: string[];
}

const notCsv = (line: number, message: string) => new CsvFileError(line, '', `the file is not valid CSV: ${message}`);

/**
 * Splits decoded text into records (RFC 4180: commas, double quotes with "" inside, line
 * breaks CRLF, LF or CR, quoted line breaks) with the physical line each record starts on.
 * Hand-written because it is on the import's hot path: csv-parse took 9.7 s for a
 * 1,000,000-row file on this machine, longer than the whole `sqlite3 .import` of it.
 */
class RecordSplitter {
  private carry = '';
  private line = 1;

  /** The records complete in the text so far; the rest waits for more text (or, when final, must be complete). */
  push(text: string, final: boolean): RawRecord[] {
    const s = this.carry.length ? this.carry + text : text;
    const n = s.length;
    const out: RawRecord[] = [];
    let pos = 0;
    let line = this.line;
    records: while (pos < n) {
      const start = pos;
      const startLine = line;
      const fields: string[] = [];
      for (;;) {
        let c: number;
        if (s.charCodeAt(pos) === QUOTE) {
          let value = '';
          let from = pos + 1;
          for (;;) {
            const q = s.indexOf('"', from);
            if (q < 0 || (q + 1 >= n && !final)) {
              if (final) throw notCsv(startLine, `a quoted field opened on line ${startLine} is never closed`);
              return this.keep(s, start, startLine, out);
            }
            if (s.charCodeAt(q + 1) === QUOTE) {
              value += s.slice(from, q + 1);
              from = q + 2;
              continue;
            }
            value += s.slice(from, q);
            pos = q + 1;
            break;
          }
          for (let k = value.indexOf('\n'); k >= 0; k = value.indexOf('\n', k + 1)) line++;
          fields.push(value);
          c = pos < n ? s.charCodeAt(pos) : -1;
          if (c !== COMMA && c !== LF && c !== CR && c !== -1) {
            throw notCsv(
              line,
              `a quoted field must be followed by a comma or the end of the line (field ${fields.length})`,
            );
          }
        } else {
          let i = pos;
          c = -1;
          for (; i < n; i++) {
            c = s.charCodeAt(i);
            if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
          }
          if (i === n) c = -1;
          if (c === QUOTE)
            throw notCsv(
              line,
              `a quote inside an unquoted field (field ${fields.length + 1}); quote the whole field and double the quotes inside it`,
            );
          fields.push(s.slice(pos, i));
          pos = i;
        }
        if (c === COMMA) {
          pos++;
          if (pos === n && !final) return this.keep(s, start, startLine, out);
          continue;
        }
        if (c === -1) {
          if (!final) return this.keep(s, start, startLine, out);
          out.push({ line: startLine, fields });
          pos = n;
          break;
        }
        if (c === CR && pos + 1 === n && !final) return this.keep(s, start, startLine, out);
        pos += c === CR && s.charCodeAt(pos + 1) === LF ? 2 : 1;
        line++;
        out.push({ line: startLine, fields });
        continue records;
      }
    }
    return this.keep(s, pos, line, out);
  }

  /** Keeps the text from `pos` (an incomplete record, starting on `line`) for the next push. */
  private keep(s: string, pos: number, line: number, out: RawRecord[]): RawRecord[] {
    this.carry = s.slice(pos);
    this.line = line;
    if (this.carry.length > MAX_RECORD_CHARS)
      throw notCsv(
        line,
        `a record longer than ${MAX_RECORD_CHARS} characters starts on line ${line} (is a quote never closed?)`,
      );
    return out;
  }
}

/** The file's records keyed by header, a chunk at a time (no per-row promise on the hot path). */
const SLICE_BYTES = 32 * 1024;

export async function* readCsvBatches(input: Readable, spec: HeaderSpec): AsyncGenerator<CsvRecord[]> {
  const decoder = new Utf8Decoder();
  const splitter = new RecordSplitter();
  /** The header's names; null for a column read past (REJECT_COLUMNS). */
  let header: (string | null)[] | undefined;
  const toRecords = (raw: RawRecord[]): CsvRecord[] => {
    const out: CsvRecord[] = [];
    for (const { line, fields } of raw) {
      if (fields.length === 1 && fields[0]!.trim() === '') continue;
      if (!header) {
        header = checkHeader(fields, spec);
        continue;
      }
      if (fields.length !== header.length)
        throw new CsvFileError(line, '', `expected ${header.length} columns as in the header, found ${fields.length}`);
      const values: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) {
        const name = header[i];
        if (name) values[name] = fields[i]!;
      }
      out.push({ line, values });
    }
    return out;
  };
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      // A file already in memory (a web upload) can arrive as one chunk of many MB: taken in
      // slices, each batch stays small enough for the reader to let other work in between.
      for (let at = 0; at < chunk.length; at += SLICE_BYTES) {
        const records = toRecords(splitter.push(decoder.decode(chunk.subarray(at, at + SLICE_BYTES), false), false));
        if (records.length > 0) yield records;
      }
    }
    const records = toRecords(splitter.push(decoder.decode(Buffer.alloc(0), true), true));
    if (records.length > 0) yield records;
  } finally {
    input.destroy();
  }
  if (!header)
    throw new CsvFileError(
      1,
      '',
      `the file is empty; the first line must name the columns: ${spec.required.join(', ')}`,
    );
}

function checkHeader(record: string[], spec: HeaderSpec): (string | null)[] {
  const names = record.map((name) => name.trim());
  const known = new Set<string>([...spec.required, ...spec.optional, ...REJECT_COLUMNS]);
  if (names.length === 1) {
    const only = names[0]!;
    const delimiter = [';', '\t', '|'].find((d) => only.includes(d));
    if (delimiter) {
      const shown = delimiter === '\t' ? 'tabs' : `"${delimiter}"`;
      throw new CsvFileError(
        1,
        '',
        `the file seems to use ${shown} between columns; CPI Lens reads comma-separated files (save as "CSV UTF-8 (comma delimited)")`,
      );
    }
  }
  const missing = spec.required.filter((name) => !names.includes(name));
  const unknown = names.filter((name) => !known.has(name));
  const problems = [];
  if (missing.length) problems.push(`missing column(s): ${missing.join(', ')}`);
  if (unknown.length) problems.push(`unknown column(s): ${unknown.join(', ')}`);
  const duplicated = names.filter((name, i) => names.indexOf(name) !== i);
  if (duplicated.length) problems.push(`repeated column(s): ${[...new Set(duplicated)].join(', ')}`);
  if (problems.length) throw new CsvFileError(1, '', `${problems.join('; ')} (expected: ${spec.columns.join(', ')})`);
  return names.map((name) => ((REJECT_COLUMNS as readonly string[]).includes(name) ? null : name));
}
