/** The one staff filter model (src/domain/filters.ts): every period kind, old parameters, errors by field, scope. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PERIOD,
  filterQuery,
  periodChoices,
  readFilters,
  teamInScope,
  type FilterPeriod,
} from '../../src/domain/filters';

const NOW = Date.parse('2026-11-20T10:00:00Z');
const read = (query: Record<string, string>, wholeMonths = false) => readFilters(query, NOW, { wholeMonths });
const periodOf = (query: Record<string, string>, wholeMonths = false): FilterPeriod => {
  const r = read(query, wholeMonths);
  expect(r.errors).toEqual([]);
  return r.filters.period;
};

describe('the staff filter reader', () => {
  it('defaults to the last 12 calendar months, the current one to date', () => {
    const r = read({});
    expect(r.errors).toEqual([]);
    expect(r.defaultPeriod).toBe(true);
    expect(DEFAULT_PERIOD).toBe('12m');
    expect(r.filters).toMatchObject({ team: undefined, type: undefined });
    expect(r.filters.period).toMatchObject({
      kind: 'last',
      key: '12m',
      toDate: true,
      fromDate: '2025-12-01',
      lastDate: '2026-11-20',
      fromMonth: 202512,
      toMonth: 202611,
      custom: null,
    });
    expect(r.filters.period.period).toEqual({ from: Date.UTC(2025, 11, 1), to: NOW });
  });

  it('reads the last 3, 6, 12 and 24 months', () => {
    expect(periodOf({ period: '3m' }).period.from).toBe(Date.UTC(2026, 8, 1));
    expect(periodOf({ period: '6m' }).fromMonth).toBe(202606);
    expect(periodOf({ period: '24m' }).fromMonth).toBe(202412);
    expect(read({ period: '5m' }).errors).toEqual([{ field: 'period', code: 'invalid' }]);
  });

  it('reads whole quarters and months, the running one to date', () => {
    expect(periodOf({ period: '2026-Q3' })).toMatchObject({
      kind: 'quarter',
      toDate: false,
      period: { from: Date.UTC(2026, 6, 1), to: Date.UTC(2026, 9, 1) },
      toMonth: 202609,
    });
    expect(periodOf({ period: '2026-Q4' })).toMatchObject({ toDate: true, period: { to: NOW } });
    expect(periodOf({ period: '2025-12' })).toMatchObject({
      kind: 'month',
      period: { from: Date.UTC(2025, 11, 1), to: Date.UTC(2026, 0, 1) },
      days: 31,
    });
  });

  it('reads custom ranges of whole days with the last day included, capped at now', () => {
    expect(periodOf({ period: 'custom', from: '2026-07-01', to: '2026-07-15' })).toMatchObject({
      kind: 'custom',
      days: 15,
      shorterThanMonth: true,
      period: { from: Date.UTC(2026, 6, 1), to: Date.UTC(2026, 6, 16) },
      custom: { from: '2026-07-01', to: '2026-07-15' },
    });
    expect(periodOf({ period: 'custom', from: '2026-07-01', to: '2026-08-31' }).shorterThanMonth).toBe(false);
    expect(periodOf({ period: 'custom', from: '2026-11-01', to: '2030-01-01' }).period.to).toBe(NOW);
  });

  it('keeps the whole-month rule for staff who are not admins (differencing)', () => {
    expect(read({ period: 'custom', from: '2026-07-02', to: '2026-07-31' }, true).errors).toEqual([
      { field: 'from', code: 'whole-months' },
    ]);
    expect(read({ period: 'custom', from: '2026-07-01', to: '2026-07-30' }, true).errors).toEqual([
      { field: 'to', code: 'whole-months' },
    ]);
    // Whole months, or a range running to today, pass.
    expect(periodOf({ period: 'custom', from: '2026-06-01', to: '2026-07-31' }, true).days).toBe(61);
    expect(periodOf({ period: 'custom', from: '2026-11-01', to: '2026-11-20' }, true).toDate).toBe(true);
    expect(periodOf({ period: 'custom', from: '2026-11-01', to: '2026-11-25' }, true).period.to).toBe(NOW);
    // Admins choose any days.
    expect(periodOf({ period: 'custom', from: '2026-07-02', to: '2026-07-03' }).days).toBe(2);
  });

  it('reads old parameters as their equivalents', () => {
    // The coaching pages' `months`.
    const coaching = read({ months: '3' });
    expect(coaching.values.period).toBe('3m');
    expect(coaching.filters.period.key).toBe('3m');
    expect(read({ months: '12', period: '2026-Q3' }).filters.period.key).toBe('2026-Q3');
    expect(read({ months: '7' }).errors).toEqual([{ field: 'period', code: 'invalid' }]);
    // The analysis pages' dates without a period: a custom range.
    expect(read({ from: '2026-02-01', to: '2026-02-28' }).filters.period).toMatchObject({
      kind: 'custom',
      fromMonth: 202602,
      toMonth: 202602,
    });
  });

  it('names the field of every bad value and uses the default in its place', () => {
    const bad = read({ period: '2026-Q5', type: 'fax' });
    expect(bad.errors).toEqual([
      { field: 'type', code: 'invalid' },
      { field: 'period', code: 'invalid' },
    ]);
    expect(bad.filters.period.key).toBe(DEFAULT_PERIOD);
    expect(bad.filters.type).toBeUndefined();
    // The bar shows what was typed; links carry on only what was applied.
    expect(bad.values).toMatchObject({ period: '2026-Q5', type: 'fax' });
    expect(filterQuery(bad.applied)).toBe('');
    expect(filterQuery(read({ period: 'custom', from: '2026-07-10', to: 'x', type: 'call' }).applied)).toBe(
      '?type=call',
    );
    expect(read({ period: '2027-01' }).errors).toEqual([{ field: 'period', code: 'future' }]);
    expect(read({ period: 'custom', from: '2026-07-01' }).errors).toEqual([{ field: 'to', code: 'required' }]);
    expect(read({ period: 'custom', to: '2026-07-01' }).errors).toEqual([{ field: 'from', code: 'required' }]);
    expect(read({ period: 'custom', from: '2026-02-30', to: '2026-03-03' }).errors).toEqual([
      { field: 'from', code: 'date' },
    ]);
    expect(read({ period: 'custom', from: '2026-02-01', to: 'soon' }).errors).toEqual([{ field: 'to', code: 'date' }]);
    expect(read({ period: 'custom', from: '2026-07-10', to: '2026-07-01' }).errors).toEqual([
      { field: 'from', code: 'order' },
    ]);
    expect(read({ period: 'custom', from: '2026-12-01', to: '2026-12-31' }).errors).toEqual([
      { field: 'from', code: 'future' },
    ]);
    expect(read({ period: 'custom', from: '2010-01-01', to: '2026-01-01' }).errors).toEqual([
      { field: 'from', code: 'too-long' },
    ]);
    expect(read({ period: 'x'.repeat(41) }).errors).toEqual([{ field: 'period', code: 'invalid' }]);
    expect(read({ type: 'call' }).filters.type).toBe('call');
  });

  it('checks the team against the reader’s scope: any other value is out of scope (404)', () => {
    const teams = [
      { id: 3, name: 'Iberia' },
      { id: 4, name: 'DACH' },
    ];
    expect(teamInScope({ team: '' }, teams)).toBeUndefined();
    expect(teamInScope({ team: '3' }, teams)).toEqual({ id: 3, name: 'Iberia' });
    expect(teamInScope({ team: '5' }, teams)).toBe('out-of-scope');
    expect(teamInScope({ team: '3) OR (1=1' }, teams)).toBe('out-of-scope');
    expect(teamInScope({ team: '-1' }, teams)).toBe('out-of-scope');
    expect(read({ team: '3' }).filters.team).toBe(3);
  });

  it('offers one list of period choices: last N months, recent quarters and months, newest first', () => {
    const c = periodChoices(NOW);
    expect(c.last.map((x) => x.key)).toEqual(['3m', '6m', '12m', '24m']);
    expect(c.quarters.slice(0, 3)).toEqual(['2026-Q4', '2026-Q3', '2026-Q2']);
    expect(c.quarters).toHaveLength(6);
    expect(c.months.slice(0, 2)).toEqual(['2026-11', '2026-10']);
    expect(c.months).toHaveLength(12);
    expect([c.currentQuarter, c.currentMonth]).toEqual(['2026-Q4', '2026-11']);
  });

  it('writes the filters back to the URL, leaving out the default and empty values', () => {
    expect(filterQuery(read({}).values)).toBe('');
    expect(filterQuery(read({ months: '6', team: '3' }).values)).toBe('?team=3&period=6m');
    expect(filterQuery(read({ from: '2026-02-01', to: '2026-02-28', type: 'demo' }).values, { groupBy: 'rep' })).toBe(
      '?period=custom&from=2026-02-01&to=2026-02-28&type=demo&groupBy=rep',
    );
    expect(filterQuery(read({ period: '2026-Q3', from: '2026-02-01' }).values)).toBe('?period=2026-Q3');
  });
});
