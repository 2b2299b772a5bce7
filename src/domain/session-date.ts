/** A coaching session's date: the day it was done, else the day it is planned for. */
export const sessionDate = (s: { completedAt: number | null; plannedFor: number | null }): number =>
  s.completedAt ?? s.plannedFor ?? 0;
