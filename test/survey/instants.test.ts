// checkInstant reads instants written as toISOString writes them without Date.parse:
// whatever the string, it must give exactly what the general path (ISO pattern, calendar
// check, Date.parse, 1990–2100) gives — on generated instants and near misses of the form.
import { describe, expect, it } from 'vitest';
import { checkInstant, Refusal } from '../../src/domain/inputs';
import { isCalendarDate } from '../../src/lib/periods';
import { mulberry32 } from '../../src/stats/prng';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** The general path alone: a number, or the refusal's message. */
function reference(raw: string): number | string {
  const v = raw.trim();
  const ms = ISO_INSTANT.test(v) && isCalendarDate(v) ? Date.parse(v) : NaN;
  if (Number.isNaN(ms)) return 'must be an ISO 8601 instant with a zone, such as 2026-11-20T10:00:00Z';
  if (ms < Date.UTC(1990, 0, 1) || ms >= Date.UTC(2100, 0, 1)) return 'must be between 1990 and 2100';
  return ms;
}

const shown = (r: number | Refusal) => (r instanceof Refusal ? r.message : r);

describe('checkInstant', () => {
  it('gives what Date.parse gives, for toISOString forms and near misses', () => {
    const random = mulberry32(5);
    const from = Date.UTC(1985, 0, 1);
    const to = Date.UTC(2105, 0, 1);
    const noise = '0123456789+- .:TZtz/';
    let numbers = 0;
    let refusals = 0;
    for (let n = 0; n < 50_000; n++) {
      let v = new Date(from + Math.floor(random() * (to - from))).toISOString();
      const mutation = random();
      if (mutation < 0.3) {
        const at = Math.floor(random() * v.length);
        v = v.slice(0, at) + noise[Math.floor(random() * noise.length)] + v.slice(at + 1);
      } else if (mutation < 0.45) {
        // Out-of-range fields in the right shape: month 13, day 30 of February, 24 h, 60 min or s.
        const fields = [
          [5, '13'],
          [8, '30'],
          [8, '31'],
          [11, '24'],
          [14, '60'],
          [17, '60'],
          [5, '00'],
          [8, '00'],
        ] as const;
        const [at, text] = fields[Math.floor(random() * fields.length)]!;
        v = v.slice(0, at) + text + v.slice(at + 2);
        if (random() < 0.5) v = `2024-02${v.slice(7)}`;
      } else if (mutation < 0.5) {
        v = random() < 0.5 ? ` ${v} ` : v.toLowerCase();
      }
      const expected = reference(v);
      expect(shown(checkInstant(v)), v).toBe(expected);
      if (typeof expected === 'number') numbers++;
      else refusals++;
    }
    expect(numbers).toBeGreaterThan(20_000);
    expect(refusals).toBeGreaterThan(5_000);
  });

  it('reads the edges of the accepted range', () => {
    expect(checkInstant('1990-01-01T00:00:00.000Z')).toBe(Date.UTC(1990, 0, 1));
    expect(checkInstant('2099-12-31T23:59:59.999Z')).toBe(Date.UTC(2100, 0, 1) - 1);
    expect(shown(checkInstant('1989-12-31T23:59:59.999Z'))).toBe('must be between 1990 and 2100');
    expect(shown(checkInstant('2100-01-01T00:00:00.000Z'))).toBe('must be between 1990 and 2100');
    expect(checkInstant('2024-02-29T12:30:45.678Z')).toBe(Date.UTC(2024, 1, 29, 12, 30, 45, 678));
    expect(shown(checkInstant('2025-02-29T12:30:45.678Z'))).toBe(
      'must be an ISO 8601 instant with a zone, such as 2026-11-20T10:00:00Z',
    );
  });
});
