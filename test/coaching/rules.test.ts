/** The coaching rules without a database: form validation, periods, notes, figures, formatting. */
import { describe, expect, it } from 'vitest';
import { parseSessionForm, type SessionFormValues } from '../../src/domain/coaching-sessions';
import { parseCalendarDay, startOfUtcDay } from '../../src/lib/days';
import { sessionCounts } from '../../src/domain/coaching';
import { appendNote } from '../../src/domain/follow-ups';
import { figureOfSums } from '../../src/domain/coaching-figures';
import { emptySums } from '../../db/queries/cpis';
import { fmtChange, fmtFigureInterval } from '../../views/partials/coaching/format';
import { probability } from '../../views/partials/format';
import type { SessionRow } from '../../db/queries/coaching-sessions';
import { DAY_MS } from '../../src/lib/days';

const NOW = Date.parse('2026-11-20T10:00:00Z');
const SKILLS = ['discovery', 'quoting'];
const values = (over: Partial<SessionFormValues> = {}): SessionFormValues => ({
  rep: '7',
  skill: 'discovery',
  date: '2026-11-20',
  notes: ' Role play. ',
  cpi: '',
  action: 'log',
  ...over,
});

describe('parseSessionForm', () => {
  it('accepts a log for today and trims the notes; an empty CPI is none', () => {
    const parsed = parseSessionForm(values(), { now: NOW, skills: SKILLS });
    expect(parsed).toEqual({
      ok: true,
      input: {
        repId: 7,
        skill: 'discovery',
        day: Date.parse('2026-11-20T00:00:00Z'),
        notes: 'Role play.',
        cpi: null,
        action: 'log',
      },
    });
  });

  it('names the field of every problem', () => {
    const problems = (over: Partial<SessionFormValues>) => {
      const parsed = parseSessionForm(values(over), { now: NOW, skills: SKILLS });
      return parsed.ok ? {} : parsed.problems;
    };
    expect(problems({ rep: '' })).toEqual({ rep: 'rep' });
    expect(problems({ rep: '1e3' })).toEqual({ rep: 'rep' });
    expect(problems({ skill: 'juggling' })).toEqual({ skill: 'skill' });
    expect(problems({ date: '2026-13-01' })).toEqual({ date: 'date' });
    expect(problems({ date: '20/11/2026' })).toEqual({ date: 'date' });
    expect(problems({ date: '2026-11-21' })).toEqual({ date: 'date-future-for-log' });
    expect(problems({ date: '2026-11-19', action: 'plan' })).toEqual({ date: 'date-past-for-plan' });
    expect(problems({ date: '2028-01-01', action: 'plan' })).toEqual({ date: 'date-too-far' });
    expect(problems({ date: '2025-11-01' })).toEqual({ date: 'date-too-far' });
    expect(problems({ notes: 'x'.repeat(4001) })).toEqual({ notes: 'notes-too-long' });
    expect(problems({ cpi: 'nps' })).toEqual({ cpi: 'cpi' });
    expect(problems({ action: '' })).toEqual({ action: 'action' });
    expect(problems({ rep: '', cpi: 'nps', action: 'x' })).toEqual({ rep: 'rep', cpi: 'cpi', action: 'action' });
  });

  it('plans today or later, logs today or earlier', () => {
    expect(parseSessionForm(values({ action: 'plan' }), { now: NOW, skills: SKILLS }).ok).toBe(true);
    expect(parseSessionForm(values({ action: 'plan', date: '2027-05-01' }), { now: NOW, skills: SKILLS }).ok).toBe(
      true,
    );
    expect(parseSessionForm(values({ date: '2026-06-01', cpi: 'fcr' }), { now: NOW, skills: SKILLS }).ok).toBe(true);
  });
});

describe('dates and periods', () => {
  it('reads only real calendar days', () => {
    expect(parseCalendarDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseCalendarDay('2026-02-29')).toBeUndefined();
    expect(parseCalendarDay('2026-11-20T00:00:00Z')).toBeUndefined();
    expect(startOfUtcDay(NOW)).toBe(Date.UTC(2026, 10, 20));
  });
});

describe('notes and counts', () => {
  it('appends dated, signed notes below the earlier ones', () => {
    const first = appendNote('', 'Called.', 'Nora', NOW);
    expect(first).toBe('2026-11-20 Nora: Called.');
    expect(appendNote(`${first}\n`, 'Resolved.', 'Sam', NOW + DAY_MS)).toBe(
      '2026-11-20 Nora: Called.\n2026-11-21 Sam: Resolved.',
    );
  });

  it('counts planned and done sessions of a skill', () => {
    const s = (skill: string, status: SessionRow['status'], day: number): SessionRow => ({
      id: day,
      repId: 1,
      repTeamId: 1,
      skillId: 1,
      skill,
      skillName: skill,
      trainerId: null,
      trainerName: null,
      status,
      cpi: null,
      plannedFor: day,
      completedAt: status === 'done' ? day : null,
      notes: '',
      pinnedResponseIds: [],
      trainingRecordId: null,
      createdAt: 0,
    });
    expect(
      sessionCounts(
        [s('quoting', 'done', 5), s('quoting', 'done', 9), s('quoting', 'planned', 12), s('discovery', 'done', 20)],
        'quoting',
      ),
    ).toEqual({ planned: 1, done: 2, lastDone: 9 });
  });
});

describe('figures and formatting', () => {
  it('suppresses a figure below the minimum n and gives the interval above it', () => {
    const sums = { ...emptySums(), fcrN: 4, fcrYes: 3, cuN: 10, cuSum: 40, cuSq: 170 };
    expect(figureOfSums(sums, 'fcr', 5)).toBeNull();
    const cu = figureOfSums(sums, 'contentUseful', 5)!;
    expect(cu).toMatchObject({ kind: 'mean', n: 10, value: 4 });
    expect(cu.lower).toBeLessThan(4);
    expect(cu.upper).toBeGreaterThan(4);
    expect(figureOfSums({ ...sums, fcrN: 10, fcrYes: 8 }, 'fcr', 5)).toMatchObject({ kind: 'rate', n: 10, value: 0.8 });
  });

  it('formats in the reader’s language and never claims certainty', () => {
    expect(fmtFigureInterval('en', { kind: 'mean', lower: 3.14, upper: 3.66 })).toBe('3.14–3.66');
    expect(fmtFigureInterval('es', { kind: 'mean', lower: 3.14, upper: 3.66 })).toBe('3,14–3,66');
    expect(fmtChange('en', { kind: 'rate' }, 0.052)).toBe('+5.2 pp');
    expect(fmtChange('en', { kind: 'mean' }, -0.34)).toBe('−0.34');
    expect(probability('en', 0.99998)).toBe('> 99%');
    expect(probability('en', 0.004)).toBe('< 1%');
  });
});
