import { describe, expect, it } from 'vitest';
import { analyzeLinks, scoreGaps, toLinkRep } from '../../src/stats/index.js';
import { syntheticReps } from './helpers/synthetic-reps.js';

// 60 reps (fixed seed) whose score in "discovery" moves first-contact resolution:
// +0.04 per SD of skill, against rep-to-rep noise of 0.05 — a real but noisy link.
const reps = syntheticReps({ seed: 2024, reps: 60, effect: { skill: 'discovery', cpi: 'fcr', perSd: 0.04 } });
const links = analyzeLinks(reps.map(toLinkRep), { seed: 1 });
const gaps = scoreGaps(reps, links, { seed: 1 });

describe('planted effect: low discovery lowers FCR', () => {
  it('finds the discovery ↔ fcr link at q ≤ .05 (tier "finding")', () => {
    const link = links.find((l) => l.skill === 'discovery' && l.cpi === 'fcr');
    expect(link?.n).toBe(60);
    expect(link?.q).toBeLessThanOrEqual(0.05);
    expect(link?.tier).toBe('finding');
    expect(link?.rho).toBeGreaterThan(0);
    expect(link?.beta).toBeGreaterThan(0);
    expect(link?.simpson).toBe(false);
  });

  it('finds nothing else at q ≤ .05', () => {
    const others = links.filter((l) => !(l.skill === 'discovery' && l.cpi === 'fcr'));
    expect(others.filter((l) => l.q !== null && l.q <= 0.05)).toEqual([]);
  });

  it('gives the lowest-scoring quarter in discovery discovery as their top gap, tied to fcr', () => {
    const byScore = [...reps].sort((a, b) => (a.skills.discovery ?? 0) - (b.skills.discovery ?? 0));
    const lowest = byScore.slice(0, 15).map((r) => r.repId);
    for (const repId of lowest) {
      const top = gaps.reps.find((r) => r.repId === repId)?.gaps[0];
      expect(top?.skill, repId).toBe('discovery');
      expect(top?.cpi, repId).toBe('fcr');
      expect(top?.score, repId).toBeGreaterThan(0);
      expect(top?.lowConfidence, repId).toBe(false);
    }
  });

  it('gives reps at or above the proficiency target no discovery gap', () => {
    const proficient = reps.filter((r) => (r.skills.discovery ?? 0) >= 80).map((r) => r.repId);
    expect(proficient.length).toBeGreaterThan(0);
    for (const repId of proficient) {
      const gap = gaps.reps.find((r) => r.repId === repId)?.gaps.find((g) => g.skill === 'discovery');
      expect(gap?.score).toBe(0);
      expect(gap?.lowConfidence).toBe(true);
    }
  });
});
