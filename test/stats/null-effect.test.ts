import { describe, expect, it } from 'vitest';
import { analyzeLinks, toLinkRep } from '../../src/stats/index.js';
import { syntheticReps } from './helpers/synthetic-reps.js';

// No planted effect: 8 skills × 5 CPIs = 40 true nulls per run. Under the complete
// null, BH at q = .05 makes any discovery with probability ≤ .05, so about 10 of
// 200 runs; allow 15. Each run has 40 reps: n ≥ 30 means no permutation tests
// (the t approximation decides), which keeps 200 runs fast; the permutation path
// is covered by the links tests.
describe('null: no planted effect, 200 fixed seeds', () => {
  it('at most 15 runs report any link with q ≤ .05', () => {
    let runsWithFindings = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const reps = syntheticReps({ seed: 10_000 + seed, reps: 40 }).map(toLinkRep);
      const links = analyzeLinks(reps, { seed });
      expect(links).toHaveLength(40);
      if (links.some((l) => l.q !== null && l.q <= 0.05)) runsWithFindings++;
    }
    expect(runsWithFindings).toBeLessThanOrEqual(15);
    console.info(`null test: ${runsWithFindings} of 200 runs reported a link at q ≤ .05`);
  });
});
