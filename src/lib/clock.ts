/** The app's one clock. With a start instant (the NOW variable, tests only) it begins there and runs on in real time. */
export interface Clock {
  now(): Date;
  nowMs(): number;
}

export function createClock(startIso?: string): Clock {
  const offset = startIso === undefined ? 0 : Date.parse(startIso) - Date.now();
  const nowMs = () => Date.now() + offset;
  return { nowMs, now: () => new Date(nowMs()) };
}
