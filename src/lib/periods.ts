/** Calendar buckets in UTC: months as YYYYMM integers, the unit the CPI rollups are kept in. */
export function monthKey(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 100 + d.getUTCMonth() + 1;
}

/** A month key as people read it: 202603 → "2026-03". */
export const monthKeyLabel = (key: number): string => `${Math.floor(key / 100)}-${String(key % 100).padStart(2, '0')}`;

export function monthStart(key: number): number {
  return Date.UTC(Math.floor(key / 100), (key % 100) - 1, 1);
}

export function nextMonthKey(key: number): number {
  const month = key % 100;
  return month === 12 ? (Math.floor(key / 100) + 1) * 100 + 1 : key + 1;
}

/** True when `ms` is the first instant of a UTC month. */
export const isMonthStart = (ms: number) => monthStart(monthKey(ms)) === ms;

function previousMonthKey(key: number): number {
  return key % 100 === 1 ? key - 89 : key - 1;
}

export function addMonths(key: number, count: number): number {
  let k = key;
  for (let i = 0; i < Math.abs(count); i++) k = count > 0 ? nextMonthKey(k) : previousMonthKey(k);
  return k;
}

/** The YYYY-MM-DD at the start of `v` names a day that exists (Date.parse rolls 2025-02-30 over to 2 March). */
export function isCalendarDate(v: string): boolean {
  if (v.charCodeAt(4) !== 0x2d || v.charCodeAt(7) !== 0x2d) return false;
  const y = Number(v.slice(0, 4));
  const m = Number(v.slice(5, 7));
  const d = Number(v.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/** Days in month `m` (1–12) of year `y`, Gregorian. */
export function daysInMonth(y: number, m: number): number {
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}
