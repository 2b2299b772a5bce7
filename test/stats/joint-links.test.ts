import { describe, expect, it } from 'vitest';
import {
  analyzeJointLinks,
  benjaminiHochberg,
  byCodePoint,
  jointModelRows,
  metaRegression,
  minimumDetectableEffect,
  mulberry32,
  repsNeededToDetect,
  spearman,
  varianceInflation,
  type JointLinksInput,
} from '../../src/stats/index.js';
import { EVIDENCE, expectClose } from './helpers/close.js';
import { SIM_SKILLS, simulateOrg, stageOne } from './helpers/simulated-org.js';

const skills = [...SIM_SKILLS].sort(byCodePoint);
const input = stageOne(simulateOrg(mulberry32(2024), 'correlated-skills'));
const result = analyzeJointLinks(input);

const zScores = (values: readonly number[]): number[] => {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
  return values.map((v) => (v - mean) / sd);
};

/** The input with some reps' skills changed. */
function withSkills(
  base: JointLinksInput,
  change: (rep: string, skills: Record<string, number | null | undefined>) => void,
): JointLinksInput {
  return {
    ...base,
    reps: base.reps.map((rep) => {
      const copy = { ...rep.skills };
      change(rep.rep, copy);
      return { ...rep, skills: copy };
    }),
  };
}

describe('analyzeJointLinks', () => {
  it('each coefficient is metaRegression on the standardised skills and team indicators', () => {
    const rows = jointModelRows(input, 'fcr', skills);
    const columns = skills.map((_, s) => zScores(rows.map((r) => r.scores[s]!)));
    const teams = ['east', 'north', 'south', 'west']; // by code point; east is the reference
    const X = rows.map((r, i) => [...columns.map((c) => c[i]!), ...teams.slice(1).map((t) => (r.team === t ? 1 : 0))]);
    const direct = metaRegression(
      rows.map((r) => r.estimate),
      rows.map((r) => r.variance),
      X,
      0.95,
    );
    const model = result.models.find((m) => m.cpi === 'fcr')!;
    expect(model).toMatchObject({ kind: 'with-teams', n: 48, teams });
    skills.forEach((skill, s) => {
      const link = result.links.find((l) => l.skill === skill && l.cpi === 'fcr')!;
      expectClose(
        { estimate: link.estimate, se: link.se, lower: link.lower, upper: link.upper, p: link.p },
        {
          estimate: direct.beta[s + 1],
          se: direct.se[s + 1],
          lower: direct.lower[s + 1],
          upper: direct.upper[s + 1],
          p: direct.p[s + 1],
        },
        skill,
        EVIDENCE,
      );
      expect(link.mde).toBeCloseTo(minimumDetectableEffect(link.se, direct.df, 0.05, 0.8), 12);
      expect(link.unadjustedRho).toBeCloseTo(
        spearman(
          rows.map((r) => r.scores[s]!),
          rows.map((r) => r.estimate),
        ).rho,
        12,
      );
      expect(link.vif).toBeCloseTo(varianceInflation(columns).vif[s]!, 9);
    });
  });

  it('one BH family over every tested link of the call, all CPIs together; tiers from q', () => {
    const tested = result.links.filter((l) => l.q !== null);
    expect(tested.length).toBe(30);
    expect(tested.map((l) => l.q)).toEqual(benjaminiHochberg(tested.map((l) => l.p)));
    for (const link of tested) {
      const tier = link.q! <= 0.05 ? 'finding' : link.q! <= 0.2 ? 'exploratory' : 'no-evidence';
      expect(link.tier).toBe(tier);
    }
    expect(result.links.find((l) => l.skill === 'productKnowledge' && l.cpi === 'fcr')?.tier).toBe('finding');
  });

  it('a skill that travels with another (VIF > 5) is not-separable, named, untested, outside the family', () => {
    const twin = withSkills(input, (rep, s) => {
      s.listening = Math.round((s.productKnowledge ?? 0) + (Number(rep.slice(3)) % 3) - 1);
    });
    const { links } = analyzeJointLinks(twin);
    const listening = links.find((l) => l.skill === 'listening' && l.cpi === 'fcr')!;
    expect(listening).toMatchObject({ tier: 'not-separable', q: null, separableFrom: 'productKnowledge' });
    expect(listening.vif).toBeGreaterThan(5);
    expect(Number.isNaN(listening.p)).toBe(true);
    const tested = links.filter((l) => l.q !== null);
    expect(tested.length).toBe(20); // listening and productKnowledge in each of the 5 CPIs
    expect(tested.map((l) => l.q)).toEqual(benjaminiHochberg(tested.map((l) => l.p)));
  });

  it('a skill with zero variance leaves the model: its links insufficient, the others still fitted', () => {
    const flat = withSkills(input, (_, s) => {
      s.negotiation = 75;
    });
    const { links, models } = analyzeJointLinks(flat);
    expect(links.filter((l) => l.skill === 'negotiation').every((l) => l.tier === 'insufficient' && l.q === null)).toBe(
      true,
    );
    expect(links.filter((l) => l.q !== null).length).toBe(25);
    expect(models[0]!.importance.map((i) => i.skill)).not.toContain('negotiation');
  });

  it('reps without every skill assessed leave the model; teams drop out before the model does', () => {
    // 21 reps assessed: 6 skills + 4 teams + 10 = 20 ≤ 21, but teams of 5–6 → with teams.
    const keep = (rep: string): boolean => Number(rep.slice(3)) < 21;
    const partly = withSkills(input, (rep, s) => {
      if (!keep(rep)) s.discovery = null;
    });
    const few = analyzeJointLinks(partly);
    expect(few.models[0]).toMatchObject({ n: 21, kind: 'with-teams' });
    // 17 reps: 6 + 4 + 10 = 20 > 17 ≥ 1 + 6 + 10 → without teams.
    const fewer = analyzeJointLinks(
      withSkills(input, (rep, s) => (Number(rep.slice(3)) >= 17 ? (s.discovery = null) : undefined)),
    );
    expect(fewer.models[0]).toMatchObject({ n: 17, kind: 'without-teams', teams: [] });
    // 16 reps: no model; every link insufficient with ρ as a description.
    const none = analyzeJointLinks(
      withSkills(input, (rep, s) => (Number(rep.slice(3)) >= 16 ? (s.discovery = null) : undefined)),
    );
    expect(none.models[0]).toMatchObject({ n: 16, kind: 'none', importance: [] });
    expect(none.models[0]!.reason).toMatch(/16 reps/);
    expect(none.links.every((l) => l.tier === 'insufficient' && l.q === null && Number.isNaN(l.estimate))).toBe(true);
    expect(none.links.every((l) => Number.isFinite(l.unadjustedRho))).toBe(true);
  });

  it('a team with fewer than 3 reps keeps team terms out', () => {
    const teamless = {
      ...input,
      reps: input.reps.map((r, i) => (i < 46 && r.team === 'west' ? { ...r, team: 'north' } : r)),
    };
    expect(analyzeJointLinks(teamless).models[0]).toMatchObject({ kind: 'without-teams', teams: [] });
  });

  it('planner: median se, MDE at it, and reps needed ≈ k·(MDE/δ)²', () => {
    const model = result.models.find((m) => m.cpi === 'contentUseful')!;
    const ses = result.links
      .filter((l) => l.cpi === 'contentUseful')
      .map((l) => l.se)
      .sort((a, b) => a - b);
    expect(model.medianSe).toBeCloseTo((ses[2]! + ses[3]!) / 2, 12);
    expect(model.plannerMde).toBeCloseTo(minimumDetectableEffect(model.medianSe, model.df, 0.05, 0.8), 12);
    expect(repsNeededToDetect(model.plannerMde / 2, 48, model.plannerMde)).toBe(192);
    expect(repsNeededToDetect(0.05, 40, 0.1)).toBe(160);
    expect(repsNeededToDetect(0, 40, 0.1)).toBeNaN();
  });

  it('importance: LMG shares over the skills sum to 1; the driver leads FCR', () => {
    const fcr = result.models.find((m) => m.cpi === 'fcr')!;
    expect(fcr.importance.reduce((s, i) => s + i.share, 0)).toBeCloseTo(1, 12);
    const top = [...fcr.importance].sort((a, b) => b.share - a.share)[0];
    expect(top?.skill).toBe('productKnowledge');
  });
});
