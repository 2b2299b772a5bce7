/** The analysis pages' pure rules: filters from the URL, secondary suppression, safe links, search, formats. */
import { describe, expect, it } from 'vitest';
import { filterSearch, parseAnalysisFilters, presetPeriod } from '../../src/domain/analysis-filters';
import { protectSmallMonths } from '../../src/domain/rep-profile';
import {
  matchesSearch,
  safeHttpUrl,
  topAndBottom,
  type ContentLibrary,
  type ContentRow,
} from '../../src/domain/content-usefulness';
import type { SeriesPoint } from '../../src/domain/trends';
import { formatter } from '../../views/partials/analysis/format';
import { staffT } from '../../src/lib/i18n/staff';

const NOW = Date.parse('2026-11-20T10:00:00Z');

describe('analysis filters', () => {
  it('defaults to the last 12 calendar months up to now', () => {
    const { filters, problems } = parseAnalysisFilters({}, NOW);
    expect(problems).toEqual([]);
    expect(filters.range.period).toEqual({ from: Date.parse('2025-12-01T00:00:00Z'), to: NOW });
    expect([filters.range.fromMonth, filters.range.toMonth]).toEqual([202512, 202611]);
    expect(filters).toMatchObject({ cpi: 'fcr', sort: 'useful', q: '', page: 1, type: undefined, team: undefined });
    expect(presetPeriod('3m', NOW).period.from).toBe(Date.parse('2026-09-01T00:00:00Z'));
  });

  it('reads a custom range of days (to inclusive, capped at now) and the other filters', () => {
    const { filters, problems } = parseAnalysisFilters(
      {
        period: 'custom',
        from: '2026-02-01',
        to: '2026-02-28',
        type: 'demo',
        team: '3',
        cpi: 'addedValue',
        q: ' deck ',
        sort: 'shared',
        page: '2',
      },
      NOW,
    );
    expect(problems).toEqual([]);
    expect(filters.range.period).toEqual({
      from: Date.parse('2026-02-01T00:00:00Z'),
      to: Date.parse('2026-03-01T00:00:00Z'),
    });
    expect([filters.range.fromMonth, filters.range.toMonth]).toEqual([202602, 202602]);
    expect(filters).toMatchObject({ type: 'demo', team: 3, cpi: 'addedValue', q: 'deck', sort: 'shared', page: 2 });
    expect(parseAnalysisFilters({ from: '2026-11-01', to: '2030-01-01' }, NOW).filters.range.period.to).toBe(NOW);
    expect(filterSearch(filters, ['range', 'type', 'team', 'cpi', 'q', 'sort', 'page'])).toBe(
      '?period=custom&from=2026-02-01&to=2026-02-28&type=demo&team=3&cpi=addedValue&q=deck&sort=shared&page=2',
    );
    expect(filterSearch(parseAnalysisFilters({}, NOW).filters, ['range', 'cpi', 'sort'])).toBe('');
  });

  it('names every bad field and falls back to the defaults', () => {
    const { filters, problems } = parseAnalysisFilters(
      { period: 'forever', type: 'fax', team: '-1', cpi: 'nps', sort: 'x', page: '0' },
      NOW,
    );
    expect(problems.map((p) => p.field).sort()).toEqual(['cpi', 'page', 'period', 'sort', 'team', 'type']);
    expect(filters.range.preset).toBe('12m');
    expect(parseAnalysisFilters({ period: 'custom', from: '2026-02-01' }, NOW).problems).toEqual([
      { field: 'to', code: 'needs-both' },
    ]);
    expect(parseAnalysisFilters({ period: 'custom', from: '2026-03-01', to: '2026-02-01' }, NOW).problems).toEqual([
      { field: 'from', code: 'order' },
    ]);
    expect(parseAnalysisFilters({ from: '2026-02-30x', to: '2026-03-01' }, NOW).problems[0]).toEqual({
      field: 'from',
      code: 'date',
    });
    expect(parseAnalysisFilters({ period: 'custom', from: '2026-02-31', to: '2026-03-01' }, NOW).problems[0]).toEqual({
      field: 'from',
      code: 'date',
    });
  });
});

function month(label: string, n: number, fcr: number | null): SeriesPoint {
  return {
    month: Number(label.replace('-', '')),
    label,
    partial: false,
    n,
    invited: n,
    responseRate: 1,
    suppressed: n < 5,
    fcr: fcr === null ? null : { n: fcr, rate: 0.5, lower: 0.3, upper: 0.7 },
    contentUseful: null,
    decisionClearer: null,
    addedValue: null,
    quoteTurnaroundHours: null,
  };
}

describe('secondary suppression of the monthly series', () => {
  it('withholds the smallest shown month when exactly one month with answers is suppressed', () => {
    const out = protectSmallMonths([
      month('2026-01', 20, 20),
      month('2026-02', 3, null),
      month('2026-03', 8, 8),
      month('2026-04', 0, null),
    ]);
    expect(out.map((p) => p.fcr === null)).toEqual([false, true, true, true]);
    expect(out[2]!.withheld).toEqual(['fcr']);
  });

  it('leaves the series alone with no, or two or more, suppressed months', () => {
    expect(
      protectSmallMonths([month('2026-01', 20, 20), month('2026-02', 8, 8)]).every((p) => p.withheld.length === 0),
    ).toBe(true);
    const two = protectSmallMonths([month('2026-01', 2, null), month('2026-02', 3, null), month('2026-03', 9, 9)]);
    expect(two[2]!.fcr).not.toBeNull();
  });
});

describe('content library rules', () => {
  it('keeps only absolute http(s) links', () => {
    expect(safeHttpUrl('https://content.example.com/a b')).toBe('https://content.example.com/a%20b');
    expect(safeHttpUrl('http://x.test/')).toBe('http://x.test/');
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      '/relative',
      '//evil.test/x',
      'ftp://x.test',
      '',
      null,
    ])
      expect(safeHttpUrl(bad)).toBeNull();
  });

  it('matches title, topic, stage or id without regard to case or accents', () => {
    const item = { id: 'deck-roi', title: 'Presentación ROI', stage: 'Consideration', topic: 'roi' };
    for (const q of ['PRESENTACION', 'deck-', 'consid', 'ROI', '  ']) expect(matchesSearch(item, q)).toBe(true);
    expect(matchesSearch(item, 'pricing')).toBe(false);
  });

  it('picks top and bottom items among those with enough answers, never the same item twice', () => {
    const row = (id: string, shrunk: number | null): ContentRow => ({
      id,
      title: id,
      url: null,
      stage: null,
      topic: null,
      shares: 1,
      answers: 10,
      usefulness:
        shrunk === null
          ? null
          : { n: 10, mean: shrunk, lower: 1, upper: 5, top2: 0.5, top2Lower: 0.2, top2Upper: 0.8, shrunk },
    });
    const library = (rows: ContentRow[]): ContentLibrary => ({ rows, totalItems: rows.length, minResponses: 5 });
    const many = topAndBottom(
      library(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id, i) => row(id, 4 - i * 0.1)).concat(row('none', null))),
      3,
    );
    expect(many.top.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(many.bottom.map((r) => r.id)).toEqual(['g', 'f', 'e']);
    const few = topAndBottom(library([row('a', 4), row('b', 3), row('c', 2), row('d', 1)]), 3);
    expect(few.top.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(few.bottom.map((r) => r.id)).toEqual(['d']);
  });
});

describe('number formats of the analysis pages', () => {
  it('formats CPIs in their units, signs with a real minus, and never claims certainty', () => {
    const en = formatter(staffT('en'), 'en');
    expect(en.cpi('fcr', 0.724)).toBe('72%');
    expect(en.cpi('decisionClearer', 3.456)).toBe('3.46');
    expect(en.cpi('quoteTurnaround', 22.46)).toBe('22.5 h');
    expect(en.cpiChange('fcr', 0.08)).toBe('+8.0 pp');
    expect(en.signed(-0.123)).toBe('−0.12');
    expect(en.p(0.0004)).toBe('< 0.001');
    expect(en.prob(0.9999)).toBe('> 99%');
    expect(en.prob(0.001)).toBe('< 1%');
    expect(en.range(0.1, 0.2, (v) => en.num(v))).toBe('0.10 to 0.20');
    expect(en.num(NaN)).toBe('—');
    const es = formatter(staffT('es'), 'es');
    expect(es.cpi('decisionClearer', 3.456)).toBe('3,46');
    expect(es.range(1.5, 2.5, (v) => es.num(v, 1))).toBe('1,5 a 2,5');
  });
});
