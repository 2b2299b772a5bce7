/**
 * Readable staff exports (issue 17, "Reports to share") on the demo workspace: headers and
 * labels in the reader's language, columns in the page's order, rates as percentages,
 * skills and CPIs by name; `?format=raw` keeps exactly the machine columns, and the API's
 * responses export does not change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { addApiKey } from '../helpers/app';
import { demoFixture, setLocale, type DemoFixture } from './setup';
import { CPI_EXPORT_HEADER } from '../../src/domain/cpi-export';
import { RESPONSE_COLUMNS } from '../../src/domain/exports';
import { COACHING_PLAN_RAW_HEADER, GAPS_RAW_HEADER } from '../../src/routes/workspace/readable-exports';

const SLUG = /^[a-z]+(-[a-z]+)+$/;
const CAMEL = /^[a-z]+[A-Z]/;

describe('readable staff exports (demo workspace)', () => {
  let f: DemoFixture;
  const table = async (path: string, cookie: string) => {
    const res = await f.t.request(path, { cookie });
    expect(res.status, path).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const [header = [], ...body] = parse(await res.text()) as string[][];
    return { header, body, column: (name: string) => body.map((r) => r[header.indexOf(name)] ?? '') };
  };

  beforeAll(async () => {
    f = await demoFixture();
  });
  afterAll(async () => f.t.close());

  it('CPIs by team: readable headers in the page’s order, rates as percentages; format=raw keeps the machine columns', async () => {
    const readable = await table('/exports/cpis.csv?groupBy=team', f.cookies.lead);
    expect(readable.header.slice(0, 10)).toEqual([
      'Row',
      'Name',
      'Team',
      'Rep e-mail',
      'Former rep',
      'Responses',
      'Invited',
      'Response rate (%)',
      'Note',
      'First-contact resolution (%)',
    ]);
    const order = [
      'First-contact resolution (%)',
      'Content usefulness (mean, 1–5)',
      'Decision clarity (mean, 1–5)',
      'Added value (mean, 1–5)',
      'Quote turnaround: median (hours)',
    ];
    const at = order.map((h) => readable.header.indexOf(h));
    expect(at.every((i) => i > 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(readable.header.some((h) => CAMEL.test(h))).toBe(false);
    expect(readable.column('Row')).toEqual(['Team', 'Team', 'Team', 'Total']);
    const raw = await table('/exports/cpis.csv?groupBy=team&format=raw', f.cookies.lead);
    expect(raw.header).toEqual(CPI_EXPORT_HEADER);
    expect(raw.body.length).toBe(readable.body.length);
    // The same figure: a rate 0–1 in the raw form, a percentage with one decimal in the readable one.
    for (let i = 0; i < raw.body.length; i++) {
      const rate = raw.column('fcr')[i]!;
      expect(readable.column('First-contact resolution (%)')[i]).toBe(String(Math.round(Number(rate) * 1000) / 10));
    }
  });

  it('gaps: skill names and CPI names, not slugs and keys; labels as on the page', async () => {
    const readable = await table('/exports/gaps.csv', f.cookies.lead);
    expect(readable.header.slice(0, 9)).toEqual([
      'Rep',
      'Team',
      'Skill',
      'Linked CPI',
      'Gap score',
      'Gap score: lower 80% bound',
      'Gap score: upper 80% bound',
      'Label',
      'Low confidence',
    ]);
    expect(new Set(readable.column('Skill'))).toEqual(
      new Set(['Discovery', 'Objection handling', 'Product knowledge', 'Value messaging', 'Content usage', 'Quoting']),
    );
    expect(readable.column('Linked CPI').some((v) => SLUG.test(v) || CAMEL.test(v))).toBe(false);
    expect(readable.column('Linked CPI')).toContain('First-contact resolution');
    expect(readable.column('Label')).toContain('Untrained');
    expect(readable.column('Link')).toContain('clear link');
    const raw = await table('/exports/gaps.csv?format=raw', f.cookies.lead);
    expect(raw.header).toEqual(GAPS_RAW_HEADER);
    expect(raw.column('skill')).toContain('objection-handling');
  });

  it('coaching plan and responses: readable, with interaction types as words; raw keeps the columns', async () => {
    const plan = await table('/exports/coaching-plan.csv', f.cookies.trainer);
    expect(plan.header.slice(0, 6)).toEqual(['Rank', 'Rep', 'Team', 'Status', 'Skill', 'Linked CPI']);
    expect(plan.column('Status')).toContain('gap to coach');
    expect(plan.column('Skill').some((v) => SLUG.test(v))).toBe(false);
    expect((await table('/exports/coaching-plan.csv?format=raw', f.cookies.trainer)).header).toEqual(
      COACHING_PLAN_RAW_HEADER,
    );
    const range = 'from=2026-08-01T00:00:00Z&to=2026-11-20T00:00:00Z';
    const responses = await table(`/exports/responses.csv?${range}`, f.cookies.admin);
    expect(responses.header.slice(0, 6)).toEqual([
      'Rep',
      'Team',
      'Interaction type',
      'Interaction date',
      'Answered',
      'Resolved at first contact',
    ]);
    expect(new Set(responses.column('Interaction type'))).toContain('Call');
    expect(responses.column('Resolved at first contact').every((v) => ['yes', 'no', ''].includes(v))).toBe(true);
    expect((await table(`/exports/responses.csv?${range}&format=raw`, f.cookies.admin)).header).toEqual(
      RESPONSE_COLUMNS,
    );
  });

  it('speaks the reader’s language (Spanish)', async () => {
    await setLocale(f.t, f.users.lead, 'es');
    try {
      const cpis = await table('/exports/cpis.csv?groupBy=team', f.cookies.lead);
      expect(cpis.header).toContain('Resolución al primer contacto (%)');
      expect(cpis.header).toContain('Tasa de respuesta (%)');
      const gaps = await table('/exports/gaps.csv', f.cookies.lead);
      expect(gaps.header.slice(0, 4)).toEqual(['Comercial', 'Equipo', 'Habilidad', 'CPI vinculado']);
      expect(gaps.column('Etiqueta')).toContain('Sin formación');
    } finally {
      await setLocale(f.t, f.users.lead, 'en');
    }
  });

  it('leaves the API’s responses export as it was', async () => {
    const { key } = await addApiKey(f.t, 'read');
    const res = await f.t.request('/api/v1/responses.csv?from=2026-08-01T00:00:00Z&to=2026-11-20T00:00:00Z', {
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(res.status).toBe(200);
    const [header] = parse(await res.text(), { to_line: 1 }) as string[][];
    expect(header).toEqual(RESPONSE_COLUMNS);
  });
});
