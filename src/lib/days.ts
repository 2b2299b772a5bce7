/**
 * Days in UTC, the one home of day arithmetic: the length of a day, the start of a day, and
 * a day written as YYYY-MM-DD (read with {@link parseCalendarDay}, written with {@link isoDay}).
 */

/** Milliseconds in a day. Every day of UTC is this long (no leap seconds in JavaScript time). */
export const DAY_MS = 86_400_000;

/** 365 days: how far back the coaching pages look for sessions. */
export const YEAR_MS = 365 * DAY_MS;

/** Midnight UTC at or before `ms`. */
export const startOfUtcDay = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;

/** The UTC day of `ms` as YYYY-MM-DD: `isoDay(Date.UTC(2026, 10, 20, 15))` is "2026-11-20". */
export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "YYYY-MM-DD", a real calendar day, as midnight UTC of that day in ms; undefined for any other
 * text — another shape, a time part, spaces, or a day that does not exist (2026-02-29, which
 * `Date.parse` would roll over to 1 March).
 *
 * @example
 * parseCalendarDay('2024-02-29'); // => Date.UTC(2024, 1, 29)
 * parseCalendarDay('2026-02-29'); // => undefined
 */
export function parseCalendarDay(text: string): number | undefined {
  if (!CALENDAR_DAY.test(text)) return undefined;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) || isoDay(ms) !== text ? undefined : ms;
}

/** The ISO week of a day: its ISO year, week number and Monday (midnight UTC). */
export interface IsoWeek {
  year: number;
  week: number;
  monday: number;
}

/**
 * @example
 * isoWeekOf(Date.UTC(2026, 11, 10)); // => { year: 2026, week: 50, monday: Date.UTC(2026, 11, 7) }
 * isoWeekOf(Date.UTC(2027, 0, 1));   // => { year: 2026, week: 53, monday: Date.UTC(2026, 11, 28) }
 */
export function isoWeekOf(ms: number): IsoWeek {
  const day = startOfUtcDay(ms);
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = day - weekday * DAY_MS;
  const thursday = monday + 3 * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { year, week, monday };
}

/** "2026-W50". */
export const isoWeekKey = (w: IsoWeek): string => `${w.year}-W${String(w.week).padStart(2, '0')}`;
