/**
 * `npx tsx bench/training-effects.ts [months]`: Evidence 2's cohort estimator at the size the
 * issue names — 500 reps, 8 skills × 2 kinds, 5 CPIs, B = 999 — over a period of 12
 * months (or the months given). Each rep has 30 responses per CPI per month over 24 months;
 * each skill × kind is completed by a rep with probability 0.12 per year, in a uniform month
 * (≈ 1.9 trainings per rep per year). Prints wall and CPU time of one trainingEffects call.
 */
import { CPI_KEYS, mulberry32, trainingEffects, type PanelCell, type TrainingEvent } from '../src/stats/index.js';

const REPS = 500;
const SKILLS = ['discovery', 'demo', 'negotiation', 'product', 'objections', 'followUp', 'listening', 'pricing'];
const random = mulberry32(2024);
const gauss = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

const reps = Array.from({ length: REPS }, (_, i) => ({ rep: `rep${i}`, team: `team${i % 10}` }));
const panel: PanelCell[] = [];
const events: TrainingEvent[] = [];
for (const { rep } of reps) {
  for (const cpi of CPI_KEYS) {
    const level = 3.5 + 0.3 * gauss();
    for (let month = 0; month < 24; month++)
      panel.push({ rep, cpi, month, n: 30, sum: 30 * level + Math.sqrt(30) * gauss() });
  }
  for (const skill of SKILLS) {
    for (const kind of ['course', 'coaching'] as const) {
      for (const year of [0, 1])
        if (random() < 0.12) events.push({ rep, skill, kind, month: 12 * year + Math.floor(random() * 12) });
    }
  }
}
const months = Number(process.argv[2] ?? 12);
const period = { fromMonth: 12, toMonth: 11 + months };
for (let run = 0; run < 2; run++) {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const effects = trainingEffects({ reps, panel, events }, period);
  const used = process.cpuUsage(cpu);
  const ok = effects.filter((e) => e.status === 'ok');
  const cohorts = ok.reduce((s, e) => s + e.cohorts, 0) / Math.max(1, ok.length);
  const controls = ok.reduce((s, e) => s + e.controlReps, 0) / Math.max(1, ok.length);
  const treated = ok.reduce((s, e) => s + e.treatedReps, 0) / Math.max(1, ok.length);
  console.log(
    `trainingEffects, ${REPS} reps, ${events.length} trainings, period ${months} months: ${effects.length} effects (${ok.length} ok; ` +
      `mean ${cohorts.toFixed(1)} cohorts, ${treated.toFixed(0)} treated, ${controls.toFixed(0)} control reps) in ` +
      `${((performance.now() - wall) / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU`,
  );
}
