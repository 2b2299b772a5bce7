import { describe, expect, it } from 'vitest';
import { differenceInDifferences, welchInterval, type RepWindowChange } from '../../src/stats/index.js';

const rep = (before: number, after: number, responses = 25): RepWindowChange => ({
  before,
  after,
  beforeResponses: responses,
  afterResponses: responses,
});

describe('differenceInDifferences', () => {
  const trained = [rep(3.5, 4.0), rep(3.6, 4.2), rep(3.4, 3.8), rep(3.8, 4.1), rep(3.3, 3.9)];
  const untrained = [rep(3.5, 3.6), rep(3.7, 3.6), rep(3.4, 3.6), rep(3.6, 3.7), rep(3.5, 3.5)];

  it('effect = mean change trained − mean change untrained, with Welch on the changes', () => {
    const result = differenceInDifferences(trained, untrained);
    if (result.status !== 'ok') throw new Error('expected an estimate');
    expect(result.trained.meanChange).toBeCloseTo(0.48, 12);
    expect(result.untrained.meanChange).toBeCloseTo(0.06, 12);
    expect(result.effect).toBeCloseTo(0.42, 12);
    const changes = (reps: RepWindowChange[]): number[] => reps.map((r) => r.after - r.before);
    const welch = welchInterval(changes(trained), changes(untrained));
    expect(result.lower).toBeCloseTo(welch.lower, 12);
    expect(result.upper).toBeCloseTo(welch.upper, 12);
    expect(result.p).toBeLessThan(0.01);
  });
  it('fewer than 5 reps in an arm → "not enough data", not an error', () => {
    const result = differenceInDifferences(trained.slice(0, 4), untrained);
    expect(result).toMatchObject({ status: 'not-enough-data', trainedReps: 4, untrainedReps: 5 });
  });
  it('reps with fewer than 20 responses in a window do not count', () => {
    const thin = [...trained.slice(0, 4), rep(3.3, 3.9, 19)];
    expect(differenceInDifferences(thin, untrained).status).toBe('not-enough-data');
    expect(differenceInDifferences(thin, untrained, { minResponses: 10 }).status).toBe('ok');
  });
  it('identical changes in both arms → effect 0 with NaN test (no spread)', () => {
    const same = Array.from({ length: 5 }, () => rep(3, 3.2));
    const result = differenceInDifferences(same, same);
    if (result.status !== 'ok') throw new Error('expected an estimate');
    expect(result.effect).toBeCloseTo(0, 12);
    expect(result.p).toBeNaN();
  });
});
