import { it } from 'vitest';
import { coachedLabels, mulberry32, seedFor, trainingEffects } from '../../src/stats/index.js';
import { simulateCoachingAfterBadMonth, simulateStaggeredCourses, STAGGERED_CPIS } from './helpers/simulated-training.js';

it('scratch', () => {
  const N = Number(process.env.N ?? 50), B = Number(process.env.B ?? 999);
  let t0 = performance.now(); let claimed = 0, improving = 0, coachedN = 0, ok = 0;
  for (let d = 0; d < N; d++) {
    const { input } = simulateCoachingAfterBadMonth(mulberry32(seedFor(1, 'a', String(d))));
    const [e] = trainingEffects(input, { fromMonth: 0, toMonth: 11, cpis: ['fcr'], replicates: B, seed: d });
    if (e?.status === 'ok') ok++;
    if (e?.claimed) claimed++;
    const labels = coachedLabels(input, { skill: 'discovery', cpis: ['fcr'] });
    coachedN += labels.length; improving += labels.filter((l) => l.label === 'coached-improving').length;
  }
  console.log('a', N, ((performance.now() - t0) / 1000).toFixed(1), 's ok', ok / N, 'claimed', claimed / N, 'improving', improving / coachedN);
  for (const effect of [0.5, 0]) {
    t0 = performance.now(); let found = 0, sum = 0, n = 0, pre = 0;
    for (let d = 0; d < N; d++) {
      const input = simulateStaggeredCourses(mulberry32(seedFor(1, 'b', String(effect), String(d))), effect);
      const es = trainingEffects(input, { fromMonth: 0, toMonth: 11, cpis: STAGGERED_CPIS, replicates: B, seed: d });
      const e = es.find((x) => x.cpi === 'addedValue')!;
      if (e.status === 'ok') { n++; sum += e.effect; }
      if (e.claimed) found++;
      if (e.preTrend && !e.preTrend.ok) pre++;
    }
    console.log('effect', effect, N, ((performance.now() - t0) / 1000).toFixed(1), 's found', found / N, 'mean', sum / n, 'ok', n / N, 'pretrend flagged', pre / N);
  }
}, 600_000);
