/**
 * The coaching plan's pure rules: which quotes fit a gap's CPI and are never repeated on a
 * page, the agenda by ISO week, and the day a planned session was done (hand-checkable cases).
 */
import { describe, expect, it } from 'vitest';
import { chooseQuotes, quoteFit, quoteKey, type QuoteAnswers } from '../../src/domain/coaching-quotes';
import { nextPlannedSession, sessionAgenda } from '../../src/domain/coaching-agenda';
import { isoWeekOf } from '../../src/lib/days';
import { needsDoneDate, parseDoneDate } from '../../src/domain/coaching-sessions';
import type { SessionRow } from '../../db/queries/coaching-sessions';
import { DAY_MS } from '../../src/lib/days';

const answers = (over: Partial<QuoteAnswers>): QuoteAnswers => ({
  resolvedFirstContact: null,
  contentUseful: null,
  decisionClearer: null,
  addedValue: null,
  ...over,
});
const quote = (comment: string, over: Partial<QuoteAnswers>, extra: Record<string, unknown> = {}) => ({
  comment,
  ...answers(over),
  ...extra,
});

describe('quote fit to the gap’s CPI', () => {
  it('is 0 when the gap’s answer is the only low one, and counts low answers elsewhere', () => {
    expect(quoteFit(answers({ contentUseful: 1, decisionClearer: 4 }), 'contentUseful')).toBe(0);
    expect(quoteFit(answers({ contentUseful: 1, addedValue: 2, resolvedFirstContact: 0 }), 'contentUseful')).toBe(2);
  });

  it('is null when another answer is lower: the complaint is most likely about that (a price objection under a content gap)', () => {
    // Content was "2", value "1": the comment belongs under added value, not content usefulness.
    expect(quoteFit(answers({ contentUseful: 2, addedValue: 1 }), 'contentUseful')).toBeNull();
    expect(quoteFit(answers({ contentUseful: 2, addedValue: 1 }), 'addedValue')).toBe(1);
    // FCR "no" counts as the lowest answer (1): not lower than a 1.
    expect(quoteFit(answers({ resolvedFirstContact: 0, decisionClearer: 1 }), 'decisionClearer')).toBe(1);
    expect(quoteFit(answers({ resolvedFirstContact: 0, decisionClearer: 2 }), 'decisionClearer')).toBeNull();
  });

  it('ignores every other field of the row (ids, consent, times)', () => {
    const row = { ...answers({ decisionClearer: 2 }), responseId: 7, consented: 0, occurredAt: 0 };
    expect(quoteFit(row, 'decisionClearer')).toBe(0);
  });

  it('takes any low-answer comment on a quote for quote turnaround (no survey answer of its own)', () => {
    expect(quoteFit(answers({ addedValue: 1, contentUseful: 1 }), 'quoteTurnaround')).toBe(0);
  });
});

describe('choosing quotes for the cards of one page', () => {
  it('prefers the best fit, then the newest (the order given), and leaves out those that fit another CPI', () => {
    const rows = [
      quote('newest, also unclear decision', { contentUseful: 1, decisionClearer: 2 }),
      quote('price objection', { contentUseful: 2, addedValue: 1 }),
      quote('slides generic', { contentUseful: 1 }),
      quote('older, content only', { contentUseful: 2 }),
    ];
    expect(chooseQuotes(rows, 'contentUseful', new Set(), 2).map((r) => r.comment)).toEqual([
      'slides generic',
      'older, content only',
    ]);
    expect(chooseQuotes(rows, 'contentUseful', new Set(), 5).map((r) => r.comment)).toEqual([
      'slides generic',
      'older, content only',
      'newest, also unclear decision',
    ]);
  });

  it('never repeats the same words on a card or across cards (spaces and case aside)', () => {
    const shown = new Set<string>();
    const first = chooseQuotes(
      [
        quote('The quote took too long.', { decisionClearer: 1 }),
        quote('the quote  took too long. ', { decisionClearer: 1 }),
      ],
      'decisionClearer',
      shown,
      2,
    );
    expect(first.map((r) => r.comment)).toEqual(['The quote took too long.']);
    const second = chooseQuotes(
      [quote('THE QUOTE TOOK TOO LONG.', { decisionClearer: 1 }), quote('Still unclear.', { decisionClearer: 2 })],
      'decisionClearer',
      shown,
      2,
    );
    expect(second.map((r) => r.comment)).toEqual(['Still unclear.']);
    expect([...shown]).toEqual([quoteKey('The quote took too long.'), 'still unclear.']);
  });
});

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

describe('ISO weeks', () => {
  it('start on Monday; week 1 holds the year’s first Thursday', () => {
    expect(isoWeekOf(day(2026, 12, 10))).toEqual({ year: 2026, week: 50, monday: day(2026, 12, 7) });
    expect(isoWeekOf(day(2026, 12, 6) + 23 * 3600_000)).toEqual({ year: 2026, week: 49, monday: day(2026, 11, 30) });
    // 1 January 2027 is a Friday: it belongs to 2026's week 53; 4 January 2027 starts week 1.
    expect(isoWeekOf(day(2027, 1, 1))).toEqual({ year: 2026, week: 53, monday: day(2026, 12, 28) });
    expect(isoWeekOf(day(2027, 1, 4))).toEqual({ year: 2027, week: 1, monday: day(2027, 1, 4) });
    // 29 December 2025 (Monday) is in 2026's week 1.
    expect(isoWeekOf(day(2025, 12, 31))).toEqual({ year: 2026, week: 1, monday: day(2025, 12, 29) });
  });
});

const session = (id: number, status: SessionRow['status'], plannedFor: number): SessionRow => ({
  id,
  repId: 1,
  repTeamId: 1,
  skillId: 1,
  skill: 'quoting',
  skillName: 'Quoting',
  trainerId: null,
  trainerName: null,
  status,
  cpi: null,
  plannedFor,
  completedAt: status === 'done' ? plannedFor : null,
  notes: '',
  pinnedResponseIds: [],
  trainingRecordId: null,
  createdAt: 0,
});

describe('the agenda of planned sessions', () => {
  it('groups planned sessions by ISO week, earliest first; done and cancelled ones stay out', () => {
    const now = day(2026, 12, 6) + 10 * 3600_000; // Sunday of week 49
    const weeks = sessionAgenda(
      [
        {
          repId: 1,
          name: 'Ana',
          team: 'Iberia',
          sessions: [session(1, 'planned', day(2026, 12, 10)), session(2, 'done', day(2026, 12, 1))],
        },
        {
          repId: 2,
          name: 'Bruno',
          team: 'Iberia',
          sessions: [
            session(3, 'planned', day(2026, 12, 7)),
            session(4, 'planned', day(2026, 11, 30)),
            session(5, 'cancelled', day(2026, 12, 8)),
            session(6, 'planned', day(2026, 11, 20)),
          ],
        },
      ],
      now,
    );
    expect(weeks.map((w) => [w.key, w.current, w.past, w.items.map((i) => i.sessionId)])).toEqual([
      ['2026-W47', false, true, [6]],
      ['2026-W49', true, false, [4]],
      ['2026-W50', false, false, [3, 1]],
    ]);
    expect(weeks[2]!.items[1]).toMatchObject({
      repId: 1,
      repName: 'Ana',
      skillName: 'Quoting',
      day: day(2026, 12, 10),
    });
  });

  it('names a rep’s next planned session (an overdue one first)', () => {
    expect(
      nextPlannedSession([session(1, 'planned', day(2026, 12, 10)), session(2, 'planned', day(2026, 12, 1))])?.id,
    ).toBe(2);
    expect(nextPlannedSession([session(1, 'done', day(2026, 12, 10))])).toBeNull();
  });
});

describe('the day a planned session was done', () => {
  const now = day(2026, 12, 6) + 15 * 3600_000;
  const future = { now, plannedFor: day(2026, 12, 10) };
  const past = { now, plannedFor: day(2026, 12, 2) };

  it('asks for it when the session was planned for a later day (no silent "done today")', () => {
    expect(parseDoneDate(undefined, future)).toEqual({ ok: false, problem: 'date-required' });
    expect(parseDoneDate('  ', future)).toEqual({ ok: false, problem: 'date-required' });
    expect(needsDoneDate(session(1, 'planned', future.plannedFor), now)).toBe(true);
    expect(needsDoneDate(session(1, 'planned', day(2026, 12, 6)), now)).toBe(false);
    expect(needsDoneDate(session(1, 'done', future.plannedFor), now)).toBe(false);
  });

  it('takes the planned day when blank and that day has come', () => {
    expect(parseDoneDate('', past)).toEqual({ ok: true, day: undefined });
  });

  it('accepts today or an earlier day within a year; refuses a day still to come, a bad shape, a day over a year back', () => {
    expect(parseDoneDate('2026-12-06', future)).toEqual({ ok: true, day: day(2026, 12, 6) });
    expect(parseDoneDate('2026-12-04', future)).toEqual({ ok: true, day: day(2026, 12, 4) });
    expect(parseDoneDate('2026-12-07', future)).toEqual({ ok: false, problem: 'date-future' });
    expect(parseDoneDate('2026-12-10', future)).toEqual({ ok: false, problem: 'date-future' });
    expect(parseDoneDate('6/12/2026', future)).toEqual({ ok: false, problem: 'date' });
    expect(parseDoneDate('2026-02-30', future)).toEqual({ ok: false, problem: 'date' });
    // The window of the session form: 366 days back.
    expect(parseDoneDate('2025-12-04', future)).toEqual({ ok: false, problem: 'date-too-old' });
    expect(parseDoneDate('2025-12-05', future)).toEqual({ ok: true, day: now - (now % DAY_MS) - 366 * DAY_MS });
  });

  it('refuses a day before the session was planned (it cannot have taken place before)', () => {
    const planned = { ...future, createdAt: day(2026, 12, 3) + 9 * 3600_000 };
    expect(parseDoneDate('2026-12-02', planned)).toEqual({ ok: false, problem: 'date-before-plan' });
    expect(parseDoneDate('2026-12-03', planned)).toEqual({ ok: true, day: day(2026, 12, 3) });
  });
});
