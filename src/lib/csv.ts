/** CSV output: RFC 4180 quoting by csv-stringify, and cells a spreadsheet would run as formulas neutralised. */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Context } from 'hono';
import { stream } from 'hono/streaming';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text starting with = + - @, a tab or CR gets a leading apostrophe (OWASP CSV injection). */
function formulaSafe(value: string | number | boolean | null | undefined): string | number | boolean | null {
  if (value === undefined) return null;
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

export type CsvRow = (string | number | boolean | null | undefined)[];

/**
 * Streams rows as a CSV download: `pages` yields batches (read page by page, so memory
 * stays flat and remote servers are never asked for one huge result).
 */
export function csvResponse(c: Context, filename: string, header: string[], pages: AsyncIterable<CsvRow[]>): Response {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`);
  c.header('Cache-Control', 'no-store');
  return stream(c, async (out) => {
    const encoder = stringify({ record_delimiter: '\r\n' });
    const done = new Promise<void>((resolve, reject) => {
      encoder.on(
        'data',
        (chunk: Buffer | string) => void out.write(typeof chunk === 'string' ? chunk : new Uint8Array(chunk)),
      );
      encoder.on('end', resolve);
      encoder.on('error', reject);
    });
    encoder.write(header);
    for await (const rows of pages) for (const row of rows) encoder.write(row.map(formulaSafe));
    encoder.end();
    await done;
  });
}

/** Writes rows to a file as csvResponse sends them (the same quoting, formula-safe). */
export async function writeCsvFile(path: string, header: string[], pages: AsyncIterable<CsvRow[]>): Promise<void> {
  async function* records() {
    yield header;
    for await (const rows of pages) for (const row of rows) yield row.map(formulaSafe);
  }
  await pipeline(Readable.from(records()), stringify({ record_delimiter: '\r\n' }), createWriteStream(path));
}
