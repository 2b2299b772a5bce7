/**
 * When the weekly digest is due: from Monday 07:00 in the organisation's time zone (an admin
 * setting, default UTC) until the ISO week ends there. The week is the key of the one claim
 * per person (db/queries/digest.ts), so a digest missed on Monday still goes out, once, later that week.
 */
import { isoWeekKey, isoWeekOf } from '../lib/days';

const DIGEST_HOUR = 7;

/** An IANA time zone name Intl knows (`Europe/Madrid`, `UTC`). */
export function isTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock day and hour of an instant in a time zone. */
function localTime(
  ms: number,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

/** The instant a wall-clock time (given as if it were UTC) has in a time zone. */
function instantOf(wall: number, timeZone: string): number {
  const offset = (ms: number) => {
    const l = localTime(ms, timeZone);
    return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute) - ms;
  };
  return wall - offset(wall - offset(wall));
}

/**
 * The ISO week (`2026-W49`) of an instant in a time zone, and whether the digest is due:
 * Monday from 07:00, or any later day of that week.
 *
 * @example digestWeek(Date.parse('2026-12-07T06:30:00Z'), 'Europe/Madrid')
 * // { week: '2026-W50', due: true, monday: '2026-12-07', dueAt: Date.parse('2026-12-07T06:00:00Z') }
 */
export function digestWeek(
  ms: number,
  timeZone: string,
): { week: string; due: boolean; monday: string; dueAt: number } {
  const local = localTime(ms, timeZone);
  // The local wall-clock day, read as a UTC day: its ISO week is the week there.
  const day = Date.UTC(local.year, local.month - 1, local.day);
  const iso = isoWeekOf(day);
  const monday = iso.monday;
  return {
    week: isoWeekKey(iso),
    due: day > monday || local.hour >= DIGEST_HOUR,
    monday: new Date(monday).toISOString().slice(0, 10),
    /** Monday 07:00 there, as an instant. */
    dueAt: instantOf(monday + DIGEST_HOUR * 3_600_000, timeZone),
  };
}
