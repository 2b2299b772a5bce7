import { describe, expect, it } from 'vitest';
import {
  importancePerformance,
  lmgJackknife,
  relativeImportance,
  toLinkRep,
  type LinkRep,
} from '../../src/stats/index.js';
import { syntheticReps } from './helpers/synthetic-reps.js';

const SKILLS = ['discovery', 'demo', 'pricing'];
const reps = (n: number, shift = 0): LinkRep[] =>
  syntheticReps({ seed: 31, reps: n, skills: SKILLS, effect: { skill: 'discovery', cpi: 'fcr', perSd: 0.08 } }).map((r) => ({
    ...toLinkRep(r),
    skills: Object.fromEntries(Object.entries(r.skills).map(([k, v]) => [k, (v ?? 0) + shift])),
  }));

describe('lmgJackknife', () => {
  it('matches a naive leave-one-out jackknife', () => {
    const data = reps(25);
    const columns = SKILLS.map((s) => data.map((r) => r.skills[s] ?? NaN));
    const y = data.map((r) => r.cpis.fcr ?? NaN);
    const fast = lmgJackknife(columns, y, 0.8);
    const loo = data.map((_, i) =>
      relativeImportance(columns.map((c) => c.filter((__, k) => k !== i)), y.filter((__, k) => k !== i)).shares,
    );
    SKILLS.forEach((_, j) => {
      const values = loo.map((shares) => shares[j] ?? NaN);
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const se = Math.sqrt((24 / 25) * values.reduce((s, v) => s + (v - mean) ** 2, 0));
      expect(fast[j]?.se).toBeCloseTo(se, 10);
      expect(fast[j]?.value).toBeCloseTo(relativeImportance(columns, y).shares[j] ?? NaN, 12);
      expect(fast[j]?.lower).toBeLessThanOrEqual(fast[j]?.value ?? NaN);
      expect(fast[j]?.upper).toBeGreaterThanOrEqual(fast[j]?.value ?? NaN);
    });
  });
});

describe('importancePerformance', () => {
  it('LMG with ≥ 10 complete reps per skill; the planted skill is important and below target', () => {
    const map = importancePerformance(reps(60), 'fcr');
    expect(map.method).toBe('lmg');
    expect(map.importanceLine).toBeCloseTo(1 / 3, 12);
    const discovery = map.skills.find((s) => s.skill === 'discovery');
    expect(discovery).toMatchObject({ quadrant: 'concentrate-here', uncertain: false });
    for (const s of map.skills.filter((x) => x.skill !== 'discovery')) expect(s.quadrant).toBe('low-priority');
  });

  it('|Spearman ρ| with fewer reps; quadrants follow the performance line', () => {
    const map = importancePerformance(reps(20, 25), 'fcr');
    expect(map.method).toBe('spearman');
    const discovery = map.skills.find((s) => s.skill === 'discovery');
    expect(discovery?.quadrant).toBe('keep-up-the-good-work');
    expect(discovery?.importance.lower).toBeGreaterThan(0);
    expect(map.skills.filter((s) => s.skill !== 'discovery').every((s) => s.quadrant === 'possible-overkill')).toBe(true);
  });

  it('performance is the chosen team mean with its t interval; uncertain when it includes the line', () => {
    const data = reps(60);
    const members = data.filter((r) => r.team === 'team-1').map((r) => r.skills.demo ?? NaN);
    const teamMean = members.reduce((s, v) => s + v, 0) / members.length;
    const atLine = importancePerformance(data, 'fcr', { team: 'team-1', proficiencyTargets: { demo: teamMean } });
    const demo = atLine.skills.find((s) => s.skill === 'demo');
    expect(demo?.performance.n).toBe(members.length);
    expect(demo?.performance.mean).toBeCloseTo(teamMean, 12);
    expect(demo?.uncertain).toBe(true);
    const farAbove = importancePerformance(data, 'fcr', { team: 'team-1', proficiencyTargets: { discovery: 0 } });
    expect(farAbove.skills.find((s) => s.skill === 'discovery')).toMatchObject({ quadrant: 'keep-up-the-good-work', uncertain: false });
  });

  it('a skill nobody in the team has: no quadrant, uncertain', () => {
    const map = importancePerformance(reps(20), 'fcr', { team: 'nobody' });
    expect(map.skills.every((s) => s.quadrant === null && s.uncertain)).toBe(true);
  });

  it('is deterministic', () => {
    expect(importancePerformance(reps(60), 'fcr')).toEqual(importancePerformance(reps(60), 'fcr'));
  });
});
