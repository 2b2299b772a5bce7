/** Calendar buckets in UTC: months as YYYYMM integers, the unit the CPI rollups are kept in. */
export function monthKey(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 100 + d.getUTCMonth() + 1;
}

export function monthStart(key: number): number {
  return Date.UTC(Math.floor(key / 100), (key % 100) - 1, 1);
}

export function nextMonthKey(key: number): number {
  const month = key % 100;
  return month === 12 ? (Math.floor(key / 100) + 1) * 100 + 1 : key + 1;
}

/** True when `ms` is the first instant of a UTC month. */
export const isMonthStart = (ms: number) => monthStart(monthKey(ms)) === ms;

export function previousMonthKey(key: number): number {
  return key % 100 === 1 ? key - 89 : key - 1;
}

export function addMonths(key: number, count: number): number {
  let k = key;
  for (let i = 0; i < Math.abs(count); i++) k = count > 0 ? nextMonthKey(k) : previousMonthKey(k);
  return k;
}

/** The YYYY-MM-DD at the start of `v` names a day that exists (Date.parse rolls 2025-02-30 over to 2 March). */
export function isCalendarDate(v: string): boolean {
  const [y = 0, m = 0, d = 0] = v.slice(0, 10).split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}
