/** Day arithmetic (src/lib/days.ts): the one reader of "YYYY-MM-DD, a real calendar day". */
import { describe, expect, it } from 'vitest';
import { DAY_MS, isoDay, parseCalendarDay, startOfUtcDay } from '../../src/lib/days';

describe('parseCalendarDay', () => {
  it('reads a real day as its midnight UTC', () => {
    expect(parseCalendarDay('2026-11-20')).toBe(Date.UTC(2026, 10, 20));
    expect(parseCalendarDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseCalendarDay('2000-02-29')).toBe(Date.UTC(2000, 1, 29));
    expect(parseCalendarDay('2026-12-31')).toBe(Date.UTC(2026, 11, 31));
  });

  it('refuses days that do not exist instead of rolling them over', () => {
    for (const text of [
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-01-32',
    ])
      expect(parseCalendarDay(text), text).toBeUndefined();
  });

  it('refuses any other shape: times, spaces, short fields, other separators', () => {
    for (const text of [
      '',
      '2026-11-20T00:00:00Z',
      ' 2026-11-20',
      '2026-11-20 ',
      '2026-1-20',
      '20261120',
      '2026/11/20',
      'soon',
    ])
      expect(parseCalendarDay(text), JSON.stringify(text)).toBeUndefined();
  });

  it('is the inverse of isoDay', () => {
    const ms = Date.UTC(2026, 2, 29, 23, 59, 59, 999);
    expect(isoDay(ms)).toBe('2026-03-29');
    expect(parseCalendarDay(isoDay(ms))).toBe(startOfUtcDay(ms));
    expect(startOfUtcDay(ms) + DAY_MS).toBe(Date.UTC(2026, 2, 30));
  });
});
