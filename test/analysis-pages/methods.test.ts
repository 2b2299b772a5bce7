/**
 * GET /methods: what each figure means and does not mean, in plain words, in English and
 * Spanish, for every staff role; linked from the gaps page, the rep page and the coaching
 * plan (their links are checked in their own tests and here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFixture, get, setLocale, type DemoFixture } from './setup';

const SECTIONS = [
  'links',
  'labels',
  'figures',
  'planner',
  'importance',
  'teams',
  'gaps',
  'small',
  'training',
  'limits',
  'computed',
];

describe('Methods page GET /methods', () => {
  let f: DemoFixture;
  beforeAll(async () => {
    f = await demoFixture();
  });
  afterAll(async () => f.t.close());

  it('explains each figure in plain words, for every staff role', async () => {
    const { status, html } = await get(f, '/methods', f.cookies.trainer);
    expect(status).toBe(200);
    expect(html).toContain('<h1>Methods: how to read the figures</h1>');
    for (const id of SECTIONS) {
      expect(html).toContain(`<section id="${id}" aria-labelledby="${id}-h">`);
      expect(html).toContain(`href="#${id}"`);
    }
    for (const text of [
      'with the other skills — and the team, where there are enough reps — held fixed',
      'A link is an association, not a cause',
      'Clear link',
      'Possible link',
      'That is not the same as no effect',
      'Can’t tell apart from another skill',
      'Detecting an effect half as large takes about four times the reps',
      'the design effect',
      'The 80% interval comes from resampling reps',
      'with assessment reliability 0.6 and 100 reps, a skill with no effect of its own shows up as a clear link 8–11% of the time',
      'compared with similar reps in the same months',
      'selection on the completion month itself cannot be adjusted for',
      'computed once for each state of the data',
    ]) {
      expect(html, text).toContain(text);
    }
    for (const word of ['caused by', 'holds back', 'drives']) expect(html.toLowerCase()).not.toContain(word);
    for (const cookie of [f.cookies.admin, f.cookies.lead]) expect((await get(f, '/methods', cookie)).status).toBe(200);
    const anonymous = await f.t.request('/methods');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/login\?next=/);
  });

  it('is in Spanish for a Spanish-speaking reader', async () => {
    await setLocale(f.t, f.users.trainer, 'es');
    try {
      const { html } = await get(f, '/methods', f.cookies.trainer);
      expect(html).toContain('lang="es"');
      expect(html).toContain('<h1>Métodos: cómo leer las cifras</h1>');
      for (const text of [
        'Vínculo claro',
        'No es lo mismo que ningún efecto',
        'frente a comerciales similares en los mismos meses',
        'un 8–11 % de las veces',
        'no se puede ajustar',
      ]) {
        expect(html, text).toContain(text);
      }
      expect(html).not.toContain('Methods: how to read the figures');
      expect(html.toLowerCase()).not.toContain('causado por');
    } finally {
      await setLocale(f.t, f.users.trainer, 'en');
    }
  });

  it('is linked from the gaps page, the rep page, the coaching plan and the follow-up', async () => {
    for (const path of ['/gaps', `/reps/${f.reps.iberia.id}`, '/coaching', '/coaching/follow-up']) {
      expect((await get(f, path, f.cookies.lead)).html, path).toContain(
        '<a href="/methods">What these figures mean (methods)</a>',
      );
    }
  });
});
