// readValidRows reading on past invalid rows (skipping is chosen), and the CLI's progress line.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readValidRows, rejectReason, type RejectedRow, type ValidRow } from '../../src/domain/imports/validate';
import { progressLine } from '../../src/lib/progress-line';

const read = async (text: string | Buffer, forgiving: boolean, chunkSize = 2) => {
  const valid: ValidRow[][] = [];
  const rejected: RejectedRow[] = [];
  const result = await readValidRows(
    'training',
    Readable.from([typeof text === 'string' ? Buffer.from(text) : text]),
    { onRejected: forgiving ? async (rows) => void rejected.push(...rows) : undefined },
    chunkSize,
    async (rows) => void valid.push(rows),
  );
  return { result, valid: valid.flat(), chunks: valid.map((c) => c.length), rejected };
};

const FILE = [
  'externalId,repEmail,skill,kind,completedAt,score',
  't1,ana@acme.test,Discovery,assessment,2026-01-01T00:00:00Z,64',
  't2,not-an-address,Discovery,lunch,2026-01-01T00:00:00Z,64',
  't3,ana@acme.test,Discovery,course,2026-01-02T00:00:00Z,',
  't4,ana@acme.test,Discovery,assessment,2026-01-03T00:00:00Z,101',
  't5,ana@acme.test,Quoting,coaching,2026-01-04T00:00:00Z,',
].join('\n');

describe('readValidRows', () => {
  it('all or nothing (the default): nothing is handed on after the first invalid row', async () => {
    const { result, valid, rejected } = await read(FILE, false);
    expect(valid.map((r) => r.line)).toEqual([]);
    expect(rejected).toEqual([]);
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'repEmail'],
      [3, 'kind'],
      [5, 'score'],
    ]);
    expect(result).toMatchObject({ rows: 5, rejected: 0, fileRefused: false });
  });

  it('reading on: every valid row is handed on, every invalid one rejected with all its problems and its values as read', async () => {
    const { result, valid, rejected } = await read(FILE, true);
    expect(valid.map((r) => r.line)).toEqual([2, 4, 6]);
    expect(valid[0]!.values).toMatchObject({ externalId: 't1', score: '64' });
    expect(rejected.map((r) => r.line)).toEqual([3, 5]);
    expect(rejected[0]!.values).toEqual({
      externalId: 't2',
      repEmail: 'not-an-address',
      skill: 'Discovery',
      kind: 'lunch',
      completedAt: '2026-01-01T00:00:00Z',
      score: '64',
    });
    expect(rejectReason(rejected[0]!.errors)).toMatch(/^repEmail: .+; kind: .+$/);
    expect(rejected[1]!.errors).toEqual([{ line: 5, column: 'score', value: '101', message: expect.any(String) }]);
    expect(result).toMatchObject({ rows: 5, rejected: 2, fileRefused: false });
    expect(result.errors).toHaveLength(3);
  });

  it('reading on, memory stays flat: past MAX_ERRORS problems it reads on, keeping only the first 100 errors', async () => {
    const bad = Array.from({ length: 150 }, (_, i) => `x${i},ana@acme.test,Discovery,lunch,2026-01-01T00:00:00Z,`);
    const { result, valid, rejected } = await read(
      [FILE.split('\n')[0], ...bad, 'ok,ana@acme.test,Discovery,course,2026-01-01T00:00:00Z,'].join('\n'),
      true,
    );
    expect(rejected).toHaveLength(150);
    expect(result.errors).toHaveLength(100);
    expect(valid.map((r) => r.line)).toEqual([152]);
  });

  it('a problem with the file itself refuses all of it, even reading on', async () => {
    const latin1 = Buffer.concat([
      Buffer.from(`${FILE}\nt6,ana@acme.test,Jos`),
      Buffer.from([0xe9]),
      Buffer.from(',course,2026-01-05T00:00:00Z,\n'),
    ]);
    const { result } = await read(latin1, true);
    expect(result.fileRefused).toBe(true);
    expect(result.errors.at(-1)).toMatchObject({ line: 7, message: expect.stringContaining('not UTF-8') });
  });

  it('reads past the line and reason columns of a rejected-rows file', async () => {
    const again = `line,reason,${FILE.split('\n')[0]}\n3,"repEmail: bad",t2,ana@acme.test,Discovery,course,2026-01-01T00:00:00Z,64\n`;
    const { result, valid } = await read(again, false);
    expect(result.errors).toEqual([]);
    expect(valid[0]!.values).toEqual({
      externalId: 't2',
      repEmail: 'ana@acme.test',
      skill: 'Discovery',
      kind: 'course',
      completedAt: '2026-01-01T00:00:00Z',
      score: '64',
    });
  });
});

describe('progressLine', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return { isTTY, written, write: (text: string) => void written.push(text) };
  };

  it('at a terminal: rewrites one line in place, at most every 250 ms, and leaves the last on screen', () => {
    const out = stream(true);
    let now = 0;
    const line = progressLine(out, 250, () => now);
    line.show('10 rows checked');
    now = 100;
    line.show('20 rows checked');
    now = 300;
    line.show('30 rows checked');
    line.end();
    expect(out.written).toEqual(['\r\x1b[K10 rows checked', '\r\x1b[K30 rows checked', '\r\x1b[K30 rows checked\n']);
  });

  it('to a pipe or a file: nothing', () => {
    const out = stream(false);
    const line = progressLine(out);
    line.show('10 rows checked');
    line.end();
    expect(out.written).toEqual([]);
  });
});
