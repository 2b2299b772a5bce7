import { describe, expect, it } from 'vitest';
import { coachedLabel, coachedLabels, mulberry32, type PanelCell, type TrainingEvent } from '../../src/stats/index.js';
import { repKey, seriesCells } from './helpers/training-panel.js';

// R: predict(lm(y ~ x), data.frame(x = 3.5), interval = "prediction", level = 0.8) and the rep's post minus it.
const controls = { post: [3.4, 3.6, 3.5, 3.8, 3.3, 3.7], covariates: [[3.4], [3.5], [3.5], [3.7], [3.2], [3.6]] };

describe('coachedLabel', () => {
  it('residual against the controls’ fit, with its 80% prediction interval on t(n_c − p) (values from R)', () => {
    const result = coachedLabel({ post: 4.3, afterResponses: 30, covariates: [3.5] }, controls);
    expect(result.residual).toBeCloseTo(0.732584269662921, 12);
    expect(result.lower).toBeCloseTo(0.637976620810203, 12);
    expect(result.upper).toBeCloseTo(0.82719191851564, 12);
    expect(result).toMatchObject({ label: 'coached-improving', df: 4 });
  });

  it('two covariates; an interval below 0 is not improving (values from R)', () => {
    const two = {
      post: [3.4, 3.6, 3.5, 3.8, 3.3, 3.7, 3.35],
      covariates: [
        [3.4, 3.1],
        [3.5, 3.6],
        [3.5, 3.2],
        [3.7, 3.9],
        [3.2, 3.0],
        [3.6, 3.5],
        [3.3, 3.4],
      ],
    };
    const result = coachedLabel({ post: 3.45, afterResponses: 12, covariates: [3.5, 3.3] }, two);
    expect(result.residual).toBeCloseTo(-0.094321940463065, 12);
    expect(result.lower).toBeCloseTo(-0.171606258299436, 12);
    expect(result.upper).toBeCloseTo(-0.017037622626694, 12);
    expect(result.label).toBe('coached-not-improving');
  });

  it('an interval across 0, or fewer than 10 responses after: too early to tell', () => {
    expect(coachedLabel({ post: 3.6, afterResponses: 30, covariates: [3.5] }, controls).label).toBe(
      'coached-too-early-to-tell',
    );
    const early = coachedLabel({ post: 4.3, afterResponses: 9, covariates: [3.5] }, controls);
    expect(early.label).toBe('coached-too-early-to-tell');
    expect(early.residual).toBeCloseTo(0.732584269662921, 12);
  });

  it('lower is better (quote turnaround, log hours): a fall is improving', () => {
    const faster = coachedLabel({ post: 2.9, afterResponses: 30, covariates: [3.5] }, controls, {
      lowerIsBetter: true,
    });
    expect(faster.label).toBe('coached-improving');
    const slower = coachedLabel({ post: 4.3, afterResponses: 30, covariates: [3.5] }, controls, {
      lowerIsBetter: true,
    });
    expect(slower.label).toBe('coached-not-improving');
  });

  it('too few controls or collinear covariates: too early, NaN numbers', () => {
    const two = { post: [3.4, 3.6], covariates: [[3.4], [3.5]] };
    expect(coachedLabel({ post: 4.3, afterResponses: 30, covariates: [3.5] }, two)).toMatchObject({
      label: 'coached-too-early-to-tell',
      residual: NaN,
    });
    const flat = { post: controls.post, covariates: controls.covariates.map(() => [3]) };
    expect(coachedLabel({ post: 4.3, afterResponses: 30, covariates: [3] }, flat).residual).toBeNaN();
    expect(() => coachedLabel({ post: 4, afterResponses: 30, covariates: [1, 2] }, controls)).toThrow(/coachedLabel/);
  });
});

describe('coachedLabels from the monthly panel', () => {
  const G = 50;
  // 12 reps besides r00, months before G seeded around each rep's level; after G every rep sits at
  // its B + 0.1 plus a little wobble, r00 at B + 0.1 + jump. r00 was coached at G − 10 and again at G.
  const build = (jump: number, afterN: number, cpi: 'fcr' | 'quoteTurnaround' = 'fcr') => {
    const random = mulberry32(9);
    const reps = Array.from({ length: 13 }, (_, i) => ({ rep: repKey(i), team: 't' }));
    const panel: PanelCell[] = reps.flatMap(({ rep }, i) => {
      const before = Array.from({ length: 6 }, () => 0.5 + 0.02 * i + 0.05 * random());
      const b = (before[3]! + before[4]! + before[5]!) / 3;
      const after = b + 0.1 + 0.01 * (((i * 5) % 7) - 3) + (i === 0 ? jump : 0);
      return seriesCells(
        rep,
        cpi,
        G - 6,
        G + 3,
        (m) => (m < G ? before[m - G + 6]! : after),
        (m) => (i === 0 && m > G ? afterN : 10),
      );
    });
    const events: TrainingEvent[] = [
      { rep: 'r00', skill: 'discovery', kind: 'coaching', month: G - 10 },
      { rep: 'r00', skill: 'discovery', kind: 'coaching', month: G },
      { rep: 'r05', skill: 'pricing', kind: 'course', month: G + 2 },
    ];
    return { reps, panel, events };
  };

  it('labels the latest coaching against clean controls with the cohort covariates', () => {
    const [label] = coachedLabels(build(0.2, 10), { skill: 'discovery', cpis: ['fcr'] });
    // r05 (a course in G+2) is not a clean control.
    expect(label).toMatchObject({
      rep: 'r00',
      cpi: 'fcr',
      month: G,
      controlReps: 11,
      label: 'coached-improving',
      df: 7,
    });
    expect(label?.covariates).toEqual(['before', 'monthBefore', 'earlier']);
    expect(label?.residual).toBeGreaterThan(0.1);
  });

  it('too early while the after window has fewer than 10 responses; direction flipped for turnaround', () => {
    expect(coachedLabels(build(0.2, 3), { skill: 'discovery', cpis: ['fcr'] })[0]?.label).toBe(
      'coached-too-early-to-tell',
    );
    expect(coachedLabels(build(0.2, 10, 'quoteTurnaround'), { skill: 'discovery' })[0]?.label).toBe(
      'coached-not-improving',
    );
    expect(coachedLabels(build(-0.2, 10, 'quoteTurnaround'), { skill: 'discovery' })[0]?.label).toBe(
      'coached-improving',
    );
  });
});
