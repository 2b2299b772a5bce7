/** The analysis pages' pure rules: filters from the URL, secondary suppression, safe links, search, formats. */
import { describe, expect, it } from 'vitest';
import { analysisQuery, readAnalysisParams, type AnalysisFilters } from '../../src/domain/analysis-params';
import { readFilters } from '../../src/domain/filters';
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

describe('analysis page parameters', () => {
  it('reads the CPI, search, sort and page beside the staff filters, naming bad ones', () => {
    expect(readAnalysisParams({})).toEqual({ cpi: 'fcr', q: '', sort: 'useful', page: 1, problems: [] });
    expect(readAnalysisParams({ cpi: 'addedValue', q: ' deck ', sort: 'shared', page: '2' })).toMatchObject({
      cpi: 'addedValue',
      q: 'deck',
      sort: 'shared',
      page: 2,
      problems: [],
    });
    const bad = readAnalysisParams({ cpi: 'nps', sort: 'x', page: '0', q: 'x'.repeat(201) });
    expect(bad.problems).toEqual([
      { field: 'cpi', code: 'invalid' },
      { field: 'q', code: 'too-long' },
      { field: 'sort', code: 'invalid' },
      { field: 'page', code: 'invalid' },
    ]);
    expect(bad).toMatchObject({ cpi: 'fcr', q: '', sort: 'useful', page: 1 });
  });

  it('writes the staff filters and the named parameters back to the URL, defaults left out', () => {
    const read = readFilters({ period: 'custom', from: '2026-02-01', to: '2026-02-28', type: 'demo', team: '3' }, NOW);
    const f: AnalysisFilters = {
      range: read.filters.period,
      type: read.filters.type,
      team: read.filters.team,
      values: read.values,
      ...readAnalysisParams({ cpi: 'addedValue', q: 'deck', sort: 'shared', page: '2' }),
    };
    expect(analysisQuery(f, ['cpi', 'q', 'sort', 'page'])).toBe(
      '?team=3&period=custom&from=2026-02-01&to=2026-02-28&type=demo&cpi=addedValue&q=deck&sort=shared&page=2',
    );
    expect(analysisQuery({ ...f, cpi: 'fcr', page: 1 }, ['cpi', 'page'], { filters: false })).toBe('');
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
