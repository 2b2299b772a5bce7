/**
 * The design effect of team and org figures on the overview (tiles, by-team table, trend
 * band) and in cpis.csv, on two teams of three reps worked by hand
 * (test/analysis/clustered-cpis.test.ts has the derivations).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { addApiKey, addUser, createTestApp, login, manualClock, type TestApp } from '../helpers/app';
import { NOW, seedClusteredTeams } from '../helpers/clustered-teams';
import { setLocale } from '../admin/setup';
import { text, tile } from './setup';

/** cpis.csv's columns before this change, which consumers rely on by position. */
const EARLIER_COLUMNS = [
  'kind',
  'name',
  'repEmail',
  'team',
  'former',
  'responses',
  'invited',
  'responseRate',
  'status',
  'fcr',
  'fcrLower',
  'fcrUpper',
  'fcrShrunk',
  'fcrN',
  ...['contentUseful', 'decisionClearer', 'addedValue'].flatMap((c) => [
    c,
    `${c}Lower`,
    `${c}Upper`,
    `${c}Top2`,
    `${c}Shrunk`,
    `${c}N`,
  ]),
  'valueAddedCount',
  'quoteTurnaroundMedianHours',
  'quoteTurnaroundP90Hours',
  'quoteWithinSla',
  'quoteWithinSlaLower',
  'quoteWithinSlaUpper',
  'quotes',
];

describe('design effects on the overview and in cpis.csv', () => {
  let t: TestApp;
  let cookie: string;
  let adminId: number;
  let alphaId: number;
  const page = async (path: string) => {
    const res = await t.request(path, { cookie });
    expect(res.status).toBe(200);
    return await res.text();
  };
  const csv = async (query: string) => {
    const body = await page(`/exports/cpis.csv?period=2026-10&format=raw&${query}`);
    return {
      header: body.slice(0, body.indexOf('\r\n')).split(','),
      rows: parse(body, { columns: true }) as Record<string, string>[],
    };
  };

  beforeAll(async () => {
    t = await createTestApp({}, manualClock(NOW));
    await seedClusteredTeams(t, (await addApiKey(t, 'all')).key);
    const admin = await addUser(t, 'admin');
    adminId = admin.id;
    cookie = await login(t, admin.email, admin.password);
    alphaId = Number((await t.db.readClient.execute("SELECT id FROM teams WHERE name = 'Alpha'")).rows[0]!.id);
  });
  afterAll(async () => t.close());

  it('appends each CPI’s design effect and effective n to the CSV, keeping the earlier columns in place', async () => {
    const { header, rows } = await csv('groupBy=team');
    expect(header.slice(0, EARLIER_COLUMNS.length)).toEqual(EARLIER_COLUMNS);
    expect(header.slice(EARLIER_COLUMNS.length)).toEqual(
      ['fcr', 'contentUseful', 'decisionClearer', 'addedValue', 'quoteWithinSla'].flatMap((c) => [
        `${c}DesignEffect`,
        `${c}EffectiveN`,
      ]),
    );
    const row = (name: string) => rows.find((r) => r.name === name)!;
    // Alpha: FCR deff 6.4, n_eff 30/6.4; decision clarity deff 3.48; quotes within the SLA deff 6.6516.
    expect([row('Alpha').fcrDesignEffect, row('Alpha').fcrEffectiveN]).toEqual(['6.4', '4.6875']);
    expect([row('Alpha').decisionClearerDesignEffect, row('Alpha').decisionClearerEffectiveN]).toEqual([
      '3.48',
      String(Number((30 / 3.48).toFixed(4))),
    ]);
    expect(row('Alpha').quoteWithinSlaDesignEffect).toBe('6.6516');
    // Nobody answered content usefulness: no figure, no design effect.
    expect([row('Alpha').contentUsefulDesignEffect, row('Alpha').contentUsefulEffectiveN]).toEqual(['', '']);
    // Beta's reps do not differ; the total clusters all six reps (deff 2.7071, n_eff 22.1642).
    expect([row('Beta').fcrDesignEffect, row('Beta').fcrEffectiveN]).toEqual(['1', '30']);
    expect([row('all').kind, row('all').fcrDesignEffect, row('all').fcrEffectiveN]).toEqual([
      'total',
      '2.7071',
      '22.1642',
    ]);
  });

  it('leaves the design effect columns of reps empty (a rep’s interval is Wilson’s or t)', async () => {
    const { rows } = await csv('groupBy=rep');
    const reps = rows.filter((r) => r.kind === 'rep');
    expect(reps).toHaveLength(6);
    for (const r of reps)
      expect([r.fcr, r.fcrDesignEffect, r.decisionClearerEffectiveN]).toEqual([
        expect.stringMatching(/^0\.\d+$/),
        '',
        '',
      ]);
    expect(rows.find((r) => r.kind === 'total')!.fcrDesignEffect).toBe('2.7071');
  });

  it('says in a tile’s details how many independent answers a team’s or the org’s count like', async () => {
    const org = await page('/overview?period=2026-10');
    expect(text(tile(org, 'fcr'))).toContain(
      'About this interval Answers to the same rep are alike: these 60 answers count like 22 independent ones (design effect 2.7).',
    );
    const alpha = await page(`/overview?period=2026-10&team=${alphaId}`);
    const fcr = text(tile(alpha, 'fcr'));
    // The clustered interval (5.3–95%), not Wilson's 33–67% for 15 of 30.
    expect(fcr).toMatch(/^First-contact resolution 50% 95% interval 5\.3–95% · n = 30 /);
    expect(fcr).toContain('these 30 answers count like 5 independent ones (design effect 6.4)');
    expect(text(tile(alpha, 'addedValue'))).toMatch(
      /For the share rated 4 or 5, the 30 answers count like \d+ independent ones \(design effect \d\.\d\)/,
    );
    expect(text(tile(alpha, 'quoteTurnaround'))).toContain(
      'for the share within the SLA, these 30 quotes count like 5 independent ones (design effect 6.7)',
    );
  });

  it('shows the effective n and design effect in each by-team cell, and explains them once', async () => {
    const html = await page('/overview?period=2026-10');
    const table = text(
      html.slice(html.indexOf('class="ws-teams"'), html.indexOf('</table>', html.indexOf('class="ws-teams"'))),
    );
    expect(table).toMatch(/Alpha 30 .*?50% 5\.3–95% · n = 30 like 5 independent · design effect 6\.4/);
    expect(table).toMatch(/Beta 30 .*?60% 26–87% · n = 30 like 30 independent · design effect 1\.0/);
    expect(text(html)).toContain(
      'The design effect is how many times larger the variance is than for as many independent answers.',
    );
  });

  it('draws the team’s monthly trend band with the clustered interval', async () => {
    const trends = text(await page(`/overview/trends?period=2026-10&team=${alphaId}`));
    expect(trends).toContain('2026-10 50% 5.3–95% 30');
    expect(trends).not.toContain('33–67%');
    expect(trends).toContain('it allows for answers to the same rep being alike');
  });

  it('speaks Spanish', async () => {
    await setLocale(t, adminId, 'es');
    try {
      const alpha = text(tile(await page(`/overview?period=2026-10&team=${alphaId}`), 'fcr'));
      expect(alpha).toContain(
        'Sobre este intervalo Las respuestas a un mismo comercial se parecen: estas 30 respuestas cuentan como 5 independientes (efecto de diseño 6,4).',
      );
    } finally {
      await setLocale(t, adminId, 'en');
    }
  });
});
