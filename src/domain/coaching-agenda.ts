/**
 * The coaching agenda: planned sessions grouped by ISO week (weeks start on Monday, week 1
 * holds the year's first Thursday), oldest week first, and each rep's next planned session.
 * Days are UTC, as every session date is (src/lib/days.ts).
 */
import type { SessionRow } from '../../db/queries/coaching-sessions';
import { type IsoWeek, isoWeekKey, isoWeekOf } from '../lib/days';

interface AgendaItem {
  sessionId: number;
  repId: number;
  repName: string;
  team: string | null;
  skillName: string;
  day: number;
}

export interface AgendaWeek {
  key: string;
  week: IsoWeek;
  /** The week that holds `now`. */
  current: boolean;
  /** The week ended before today: its sessions are overdue (still planned). */
  past: boolean;
  items: AgendaItem[];
}

interface AgendaRep {
  repId: number;
  name: string;
  team: string | null;
  sessions: readonly SessionRow[];
}

/** Every planned session of the reps, by ISO week, earliest first (overdue ones in their own past weeks). */
export function sessionAgenda(reps: readonly AgendaRep[], now: number): AgendaWeek[] {
  const thisWeek = isoWeekOf(now);
  const items: AgendaItem[] = reps.flatMap((r) =>
    r.sessions
      .filter((s) => s.status === 'planned' && s.plannedFor !== null)
      .map((s) => ({
        sessionId: s.id,
        repId: r.repId,
        repName: r.name,
        team: r.team,
        skillName: s.skillName,
        day: s.plannedFor!,
      })),
  );
  items.sort((a, b) => a.day - b.day || a.repName.localeCompare(b.repName) || a.sessionId - b.sessionId);
  const weeks = new Map<string, AgendaWeek>();
  for (const item of items) {
    const week = isoWeekOf(item.day);
    const key = isoWeekKey(week);
    let entry = weeks.get(key);
    if (!entry) {
      entry = { key, week, current: week.monday === thisWeek.monday, past: week.monday < thisWeek.monday, items: [] };
      weeks.set(key, entry);
    }
    entry.items.push(item);
  }
  return [...weeks.values()];
}

/** A rep's next planned session: the earliest still planned (an overdue one first), or null. */
export function nextPlannedSession(sessions: readonly SessionRow[]): SessionRow | null {
  let next: SessionRow | null = null;
  for (const s of sessions)
    if (s.status === 'planned' && s.plannedFor !== null && (next === null || s.plannedFor < next.plannedFor!)) next = s;
  return next;
}
