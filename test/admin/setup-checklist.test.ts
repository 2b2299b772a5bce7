/** The checklist rule on its own: facts in, steps out (hand-checkable, no database). */
import { describe, expect, it } from 'vitest';
import { setupChecklist } from '../../src/domain/setup-checklist';
import type { SetupFacts } from '../../db/queries/setup';

const none: SetupFacts = {
  teams: 0,
  activeReps: 0,
  skills: 0,
  cpiTargets: 0,
  activeApiKeys: 0,
  apiInteractions: 0,
  sentMail: 0,
  savedRules: 0,
  staffTestSurveys: 0,
};
const state = (facts: Partial<SetupFacts>, smtpConfigured = false) =>
  Object.fromEntries(
    setupChecklist({ ...none, ...facts }, { smtpConfigured }).steps.map((s) => [
      s.key,
      s.done ? 'done' : s.partial ? 'partial' : 'todo',
    ]),
  );

describe('setupChecklist', () => {
  it('lists the six steps in order, none done on an empty workspace', () => {
    const list = setupChecklist(none, { smtpConfigured: false });
    expect(list.steps.map((s) => s.key)).toEqual(['people', 'skills', 'crm', 'mail', 'rules', 'testSurvey']);
    expect(list).toMatchObject({ doneCount: 0, complete: false });
  });

  it('needs a team and an active rep for the first step (a team alone is partial)', () => {
    expect(state({ teams: 1 }).people).toBe('partial');
    expect(state({ activeReps: 1 }).people).toBe('todo');
    expect(state({ teams: 1, activeReps: 1 }).people).toBe('done');
  });

  it('counts a CRM as connected once an interaction arrived by API; a key alone is partial', () => {
    expect(state({ activeApiKeys: 1 }).crm).toBe('partial');
    expect(state({ activeApiKeys: 1, apiInteractions: 1 }).crm).toBe('done');
    // A key since revoked still leaves the step done: interactions did arrive.
    expect(state({ apiInteractions: 1 }).crm).toBe('done');
  });

  it('ticks mail from the configuration or a delivered message', () => {
    expect(state({}).mail).toBe('todo');
    expect(state({}, true).mail).toBe('done');
    expect(state({ sentMail: 1 }).mail).toBe('done');
  });

  it('is complete when all six are done', () => {
    const all: SetupFacts = {
      teams: 1,
      activeReps: 1,
      skills: 1,
      cpiTargets: 0,
      activeApiKeys: 1,
      apiInteractions: 1,
      sentMail: 0,
      savedRules: 1,
      staffTestSurveys: 1,
    };
    expect(setupChecklist(all, { smtpConfigured: true })).toMatchObject({ doneCount: 6, complete: true });
    expect(setupChecklist(all, { smtpConfigured: false })).toMatchObject({ doneCount: 5, complete: false });
  });
});
