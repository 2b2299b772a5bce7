/** One link of the joint model as the pages show it: plain words first, the numbers behind a toggle. */
import { describe, expect, it } from 'vitest';
import type { LinkResult } from '../../src/domain/analysis/links';
import { staffT } from '../../src/lib/i18n/staff';
import { formatter } from '../../views/partials/analysis/format';
import { LinkFigures, LinkSummary } from '../../views/partials/analysis/link-figures';

const link = (over: Partial<LinkResult>): LinkResult => ({
  skill: 'quoting',
  cpi: 'fcr',
  n: 40,
  estimate: 0.05,
  se: 0.02,
  lower: 0.01,
  upper: 0.09,
  p: 0.01,
  q: 0.03,
  tier: 'finding',
  mde: 0.057,
  vif: 1.3,
  unadjustedRho: 0.41,
  ...over,
});
const names: Record<string, string> = { quoting: 'Quoting', discovery: 'Discovery' };
const name = (slug: string) => names[slug] ?? slug;

async function render(l: LinkResult, locale: 'en' | 'es' = 'en') {
  const fmt = formatter(staffT(locale), locale);
  return {
    summary: await (<LinkSummary fmt={fmt} link={l} skillName={name} />).toString(),
    figures: await (<LinkFigures fmt={fmt} link={l} />).toString(),
  };
}

describe('link labels', () => {
  it('a clear link: its label and direction; the figures in pp per SD behind a toggle', async () => {
    const { summary, figures } = await render(link({}));
    expect(summary).toBe(
      '<span class="badge badge-finding">clear link</span><span class="direction">higher score, better</span>',
    );
    expect(figures.startsWith('<details class="link-figures"><summary>Figures</summary>')).toBe(true);
    expect(figures).toContain('<dd>+5.0 pp</dd>');
    expect(figures).toContain('<dd>+1.0 pp to +9.0 pp</dd>');
    expect(figures).toContain('<dd>0.030</dd>');
    expect(figures).toContain('<dd>5.7 pp per SD of skill</dd>');
    expect(figures).toContain('<dt>Unadjusted ρ (description only)</dt><dd>+0.41</dd>');
  });

  it('quote turnaround: a negative coefficient (faster quotes) reads better; effects as % quote time', async () => {
    const { summary, figures } = await render(
      link({
        cpi: 'quoteTurnaround',
        estimate: -0.3,
        lower: -0.4,
        upper: -0.2,
        tier: 'exploratory',
        q: 0.12,
        mde: 0.16,
      }),
    );
    expect(summary).toContain('possible link');
    expect(summary).toContain('higher score, better');
    expect(figures).toContain('<dd>−26% quote time</dd>');
    expect(figures).toContain('<dd>17% quote time per SD of skill</dd>');
  });

  it('no evidence yet says what could have been detected, never "no effect"', async () => {
    const { summary } = await render(link({ tier: 'no-evidence', q: 0.6, estimate: 0.004, mde: 0.065 }));
    expect(summary).toBe(
      '<span class="badge badge-no-evidence">no evidence yet</span><span class="detectable">could detect ≥ 6.5 pp per SD</span>',
    );
    expect(summary).not.toMatch(/no effect/i);
    expect((await render(link({ tier: 'no-evidence', q: 0.6, mde: 0.065 }), 'es')).summary).toContain(
      'podría detectar ≥ 6,5 pp por DE',
    );
  });

  it('not separable names the skill it cannot be told apart from, and is not tested', async () => {
    const { summary, figures } = await render(
      link({ tier: 'not-separable', q: null, p: null, separableFrom: 'discovery', vif: 6.2 }),
    );
    expect(summary).toBe('<span class="badge badge-not-separable">can’t tell apart from Discovery</span>');
    expect(figures).toContain('<dt>q (all pairs tested together)</dt><dd>not tested</dd>');
    expect(figures).toContain('<dd>6.20</dd>');
    expect(
      (await render(link({ tier: 'not-separable', q: null, separableFrom: 'discovery' }), 'es')).summary,
    ).toContain('no se distingue de Discovery');
  });

  it('too few assessed reps: no coefficient, only the description', async () => {
    const { summary, figures } = await render(
      link({
        tier: 'insufficient',
        estimate: null,
        se: null,
        lower: null,
        upper: null,
        p: null,
        q: null,
        mde: null,
        vif: null,
        n: 9,
      }),
    );
    expect(summary).toBe('<span class="badge badge-insufficient">too few assessed reps</span>');
    expect(figures).not.toContain('Change per SD');
    expect(figures).toContain('<dt>Reps in the model</dt><dd>9</dd>');
  });
});
