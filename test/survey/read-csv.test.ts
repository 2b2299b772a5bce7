// Our CSV reader against csv-parse (an independent parser) on generated files with every
// awkward part (quotes, commas and line breaks inside cells, CRLF/LF/CR, multi-byte
// characters), fed in chunks of every size, down to one byte.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { CsvFileError, headerSpec, readCsvBatches } from '../../src/domain/imports/read-csv';
import { mulberry32 } from '../../src/stats/prng';

const SPEC = headerSpec(['a', 'b', 'c'], ['a', 'b', 'c']);
const PIECES = ['x', 'Ünïcödé', '漢字', '😀', ',', '"', '\n', '\r\n', ' ', '', 'plain text', '""'];

function chunked(bytes: Buffer, sizes: () => number): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = Math.max(1, sizes());
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return Readable.from(chunks);
}

async function read(bytes: Buffer, sizes: () => number = () => 65536) {
  const out: { line: number; values: Record<string, string> }[] = [];
  for await (const batch of readCsvBatches(chunked(bytes, sizes), SPEC)) out.push(...batch);
  return out;
}

async function failure(text: string | Buffer, sizes?: () => number): Promise<CsvFileError> {
  try {
    await read(Buffer.isBuffer(text) ? text : Buffer.from(text), sizes);
  } catch (error) {
    if (error instanceof CsvFileError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('CSV reader', () => {
  it('reads what csv-parse reads, with the physical line of each record, in chunks of any size', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = mulberry32(seed);
      const cell = () =>
        Array.from({ length: Math.floor(random() * 4) }, () => PIECES[Math.floor(random() * PIECES.length)]).join('');
      const rows = Array.from({ length: 1 + Math.floor(random() * 30) }, () => [cell() || 'v', cell(), cell()]);
      const eol = ['\n', '\r\n', '\r'][seed % 3]!;
      const text =
        (seed % 2 ? '\uFEFF' : '') +
        stringify([['a', 'b', 'c'], ...rows], {
          record_delimiter: eol === '\r' ? 'mac' : eol === '\n' ? 'unix' : 'windows',
          quoted_match: /[\r\n]/,
        });
      const expected = (parse(text, { bom: true, record_delimiter: eol }) as string[][]).slice(1);
      const sizes = seed % 4 === 0 ? () => 1 : () => 1 + Math.floor(random() * 50);
      const got = await read(Buffer.from(text), sizes);
      expect(
        got.map((r) => [r.values.a, r.values.b, r.values.c]),
        `seed ${seed}`,
      ).toEqual(expected);
      // Each record starts on the line after the previous one's line breaks (header on line 1).
      let line = 2;
      for (const [i, record] of got.entries()) {
        expect(record.line, `seed ${seed} record ${i}`).toBe(line);
        line +=
          1 +
          Object.values(record.values)
            .join('')
            .split(eol === '\r' ? /\n/ : '\n').length -
          1;
      }
    }
  });

  it('skips blank lines, keeps empty and trailing empty cells, and needs no final line break', async () => {
    const got = await read(Buffer.from('a,b,c\n\n1,,\n  \n"",2,"3"'));
    expect(got).toEqual([
      { line: 3, values: { a: '1', b: '', c: '' } },
      { line: 5, values: { a: '', b: '2', c: '3' } },
    ]);
  });

  it('names the line of a quote never closed, of text after a closing quote, and of a stray quote', async () => {
    const unclosed = await failure('a,b,c\n1,2,3\n4,"five\n6,7,8\n');
    expect(unclosed).toMatchObject({ line: 3, message: expect.stringContaining('opened on line 3 is never closed') });
    const after = await failure('a,b,c\n1,"2"x,3\n');
    expect(after).toMatchObject({ line: 2, message: expect.stringContaining('must be followed by a comma') });
    const stray = await failure('a,b,c\n1,2,3\n1,2 "in" 3,4\n', () => 3);
    expect(stray).toMatchObject({
      line: 3,
      message: expect.stringContaining('quote inside an unquoted field (field 2)'),
    });
  });

  it('names the line of a byte that is not UTF-8, wherever the chunks are cut', async () => {
    const bytes = Buffer.concat([
      Buffer.from('a,b,c\n1,2,3\n"x\ny",é,z\n'),
      Buffer.from('4,Jos'),
      Buffer.from([0xe9]),
      Buffer.from(',6\n'),
    ]);
    for (const size of [1, 2, 7, 65536]) {
      const error = await failure(bytes, () => size);
      expect(error, `chunks of ${size}`).toMatchObject({
        line: 5,
        message: expect.stringContaining('not UTF-8 (byte 0xE9'),
      });
    }
  });

  it('refuses a record over a million characters instead of holding the file in memory', async () => {
    const error = await failure(`a,b,c\n1,"${'x'.repeat(1_200_000)}`);
    expect(error.message).toMatch(/longer than 1000000 characters starts on line 2/);
  });
});
