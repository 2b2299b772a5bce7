/** Issue 4 "done when": the API answers on the demo workspace with the planted effects visible. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, addApiKey, api, type TestApp } from '../helpers/app';
import { loadDemoWorkspace } from '../../db/demo';

describe('analysis API on the demo workspace', () => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await createTestApp();
    await loadDemoWorkspace(t.deps);
    key = (await addApiKey(t, 'read')).key;
  }, 120_000);
  afterAll(async () => t.close());

  it('finds exactly the planted skill → CPI links over the year, and nothing for discovery', async () => {
    const from = new Date(t.clock.nowMs() - 365 * 86_400_000).toISOString();
    const res = await api(t, key, 'GET', `/gaps?from=${from}`);
    expect(res.status).toBe(200);
    const findings = (res.json.links as { skill: string; cpi: string; tier: string; rho: number }[]).filter((l) => l.tier === 'finding').map((l) => `${l.skill}→${l.cpi}`).sort();
    expect(findings).toEqual(['content-usage→contentUseful', 'objection-handling→decisionClearer', 'product-knowledge→fcr', 'quoting→quoteTurnaround', 'value-messaging→addedValue']);
    // Reps weak in a planted skill have it among their top gaps; gaps come sorted by score.
    for (const rep of res.json.reps as { gaps: { score: number | null }[] }[]) {
      const scores = rep.gaps.map((g) => g.score).filter((s): s is number => s !== null);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    // Every gap names one of the five CPIs — a gap nothing contributes to names its skill's strongest link.
    const gaps = (res.json.reps as { gaps: { skill: string; cpi: string; score: number | null }[] }[]).flatMap((r) => r.gaps);
    expect(gaps.some((g) => g.score === 0 || g.score === null)).toBe(true);
    for (const g of gaps) expect(['fcr', 'contentUseful', 'decisionClearer', 'addedValue', 'quoteTurnaround']).toContain(g.cpi);
  });

  it('shows the objection-handling bootcamp as a rise in decision clarity (difference in differences)', async () => {
    const from = new Date(t.clock.nowMs() - 365 * 86_400_000).toISOString();
    const res = await api(t, key, 'GET', `/training-effects?from=${from}&skill=objection-handling&kind=course`);
    const effect = (res.json.effects as { cpi: string; result: { status: string; effect?: number; lower?: number } }[]).find((e) => e.cpi === 'decisionClearer')!;
    expect(effect.result.status).toBe('ok');
    expect(effect.result.effect!).toBeGreaterThan(0.1);
    expect(effect.result.lower!).toBeGreaterThan(0);
  });
});
