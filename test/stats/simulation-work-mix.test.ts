/**
 * Simulation (b) of docs/statistics.md, "Evidence 1": the work mix, not the skill.
 * 500 seeded organisations (helpers/simulated-org.ts, scenario 'work-mix'): no skill
 * affects any CPI; a rep's interactions are demos with probability
 * logistic(1.6·z(discovery)), else support; decision clarity is drawn from Likert
 * distributions with mean 4.1 on demos and 3.1 on support. Stage 1 adjusts each rep to
 * the common mix (typeAdjustedEffectsFromSummaries); stage 2 by analyzeJointLinks over
 * all five CPIs (one BH family of 30).
 *
 * Measured (seed 2024, 500 datasets; 14.0 s on 2 cores beside simulation a):
 *   discovery → decision clarity a finding in 0.0% (type-adjusted)
 *   without the type adjustment (raw rep means) it would be a finding in 99.8%
 *   any of the 30 links a finding in 4.6% of datasets (all are null here)
 */
import { describe, expect, it } from 'vitest';
import { analyzeJointLinks, mulberry32, seedFor } from '../../src/stats/index.js';
import { simulateOrg, stageOne } from './helpers/simulated-org.js';

const DATASETS = 500;
const SEED = 2024;

describe('joint links under a skill-related work mix (simulation b)', () => {
  it('does not mistake the demo share for a discovery effect, over 500 datasets', () => {
    const started = performance.now();
    let adjusted = 0;
    let raw = 0;
    let anyFinding = 0;
    for (let d = 0; d < DATASETS; d++) {
      const org = simulateOrg(mulberry32(seedFor(SEED, 'work-mix', String(d))), 'work-mix');
      const { links } = analyzeJointLinks(stageOne(org));
      const link = links.find((l) => l.skill === 'discovery' && l.cpi === 'decisionClearer');
      expect(link?.tier).not.toBe('insufficient');
      if (link?.tier === 'finding') adjusted++;
      if (links.some((l) => l.tier === 'finding')) anyFinding++;
      // For contrast: the same analysis on raw rep means (every answer one type).
      const naive = analyzeJointLinks(stageOne(org, false), { cpis: ['decisionClearer'] }).links;
      if (naive.find((l) => l.skill === 'discovery')?.tier === 'finding') raw++;
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `simulation b (${DATASETS} datasets, ${seconds.toFixed(1)} s): discovery → decisionClearer a finding in ` +
        `${adjusted / DATASETS} (type-adjusted), ${raw / DATASETS} (raw means); any finding at all in ${anyFinding / DATASETS}`,
    );
    expect(adjusted / DATASETS).toBeLessThanOrEqual(0.07);
    expect(raw / DATASETS).toBeGreaterThan(0.5);
  }, 180_000);
});
