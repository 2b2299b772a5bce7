import { describe, expect, it } from 'vitest';
import { analyzeLinks, benjaminiHochberg, spearman, toLinkRep, type LinkRep } from '../../src/stats/index.js';
import { syntheticReps } from './helpers/synthetic-reps.js';

const planted = (reps: number, seed = 7): LinkRep[] =>
  syntheticReps({ seed, reps, skills: ['discovery', 'demo'], effect: { skill: 'discovery', cpi: 'fcr', perSd: 0.1 } }).map(
    toLinkRep,
  );
const find = (links: ReturnType<typeof analyzeLinks>, skill: string, cpi: string) =>
  links.find((l) => l.skill === skill && l.cpi === cpi);

describe('analyzeLinks tiers', () => {
  it('n < 10: insufficient, nothing shown (NaN statistics, no q)', () => {
    const link = find(analyzeLinks(planted(9)), 'discovery', 'fcr');
    expect(link).toMatchObject({ n: 9, tier: 'insufficient', q: null, permutationP: null, overall: null });
    expect(link?.rho).toBeNaN();
  });

  it('n 10–29: exploratory, with a seeded permutation p and q', () => {
    const links = analyzeLinks(planted(20), { seed: 3 });
    const link = find(links, 'discovery', 'fcr');
    expect(link?.tier).toBe('exploratory');
    expect(link?.permutationP).toBeGreaterThan(0);
    expect(link?.permutationP).toBeLessThan(0.01);
    expect(link?.q).not.toBeNull();
    expect(link?.lower).toBeLessThan(link?.rho ?? NaN);
    expect(link?.upper).toBeGreaterThan(link?.rho ?? NaN);
  });

  it('n ≥ 30: finding at q ≤ .05, no permutation test; a null 30+ link is exploratory with its q', () => {
    const links = analyzeLinks(planted(40));
    expect(find(links, 'discovery', 'fcr')).toMatchObject({ tier: 'finding', permutationP: null });
    const nulls = links.filter((l) => l.skill === 'demo' && l.q !== null && l.q > 0.05);
    expect(nulls.length).toBeGreaterThan(0);
    for (const l of nulls) expect(l.tier).toBe('exploratory');
  });

  it('a constant skill has no ρ: insufficient', () => {
    const reps = planted(30).map((r) => ({ ...r, skills: { ...r.skills, demo: 70 } }));
    expect(find(analyzeLinks(reps), 'demo', 'fcr')?.tier).toBe('insufficient');
  });
});

describe('analyzeLinks statistics', () => {
  const reps = planted(25);
  const links = analyzeLinks(reps, { seed: 5 });

  it('uses only reps having both values', () => {
    const holey = reps.map((r, i) => (i < 5 ? { ...r, skills: { ...r.skills, discovery: null } } : r));
    const withHoles = analyzeLinks(holey, { cpis: ['fcr'] });
    expect(find(withHoles, 'discovery', 'fcr')?.n).toBe(20);
    expect(find(withHoles, 'demo', 'fcr')?.n).toBe(25);
  });

  it('q is BH over the whole family, on permutation p where n < 30', () => {
    const family = links.filter((l) => l.tier !== 'insufficient');
    expect(family).toHaveLength(10);
    const q = benjaminiHochberg(family.map((l) => l.permutationP ?? l.p));
    family.forEach((l, i) => expect(l.q).toBeCloseTo(q[i] ?? NaN, 12));
  });

  it('reports Spearman ρ with Pearson beside it and the slope per SD of skill', () => {
    const link = find(links, 'discovery', 'fcr');
    const x = reps.map((r) => r.skills.discovery ?? NaN);
    const y = reps.map((r) => r.cpis.fcr ?? NaN);
    expect(link?.rho).toBeCloseTo(spearman(x, y).rho, 12);
    expect(link?.pearson.r).toBeGreaterThan(0.5);
    expect(link?.beta).toBeGreaterThan(0.02);
    expect(link?.betaSe).toBeGreaterThan(0);
  });

  it('is deterministic for a seed', () => {
    expect(analyzeLinks(reps, { seed: 5 })).toEqual(links);
    const other = analyzeLinks(reps, { seed: 6 });
    expect(other.map((l) => l.rho)).toEqual(links.map((l) => l.rho));
  });
});

describe("analyzeLinks within-team check (Simpson's paradox)", () => {
  // Within each team, more skill goes with higher FCR; but the strongest team
  // (by skill) has the lowest FCR, so across all reps the sign flips.
  const reps: LinkRep[] = [0, 1, 2].flatMap((t) =>
    Array.from({ length: 12 }, (_, i) => ({
      repId: `t${t}-${i}`,
      team: `team-${t}`,
      skills: { coaching: 40 + 20 * t + i + ((i * 7) % 5) },
      cpis: { fcr: 0.9 - 0.2 * t + 0.01 * i + 0.004 * ((i * 3) % 4) },
    })),
  );
  const link = find(analyzeLinks(reps, { cpis: ['fcr'] }), 'coaching', 'fcr');

  it('flags the flip and lets the within-team result lead', () => {
    expect(link?.overall?.rho).toBeLessThan(0);
    expect(link?.withinTeam?.rho).toBeGreaterThan(0);
    expect(link).toMatchObject({ simpson: true, leading: 'within-team' });
    expect(link?.rho).toBe(link?.withinTeam?.rho);
    expect(link?.beta).toBeGreaterThan(0);
    expect(link?.nEffective).toBe(36 - 2);
  });

  it('no flip without teams to compare', () => {
    const oneTeam = reps.map((r) => ({ ...r, team: 'all' }));
    const single = find(analyzeLinks(oneTeam, { cpis: ['fcr'] }), 'coaching', 'fcr');
    expect(single).toMatchObject({ simpson: false, leading: 'overall', withinTeam: null });
  });
});
