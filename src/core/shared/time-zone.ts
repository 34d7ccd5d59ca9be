/** Time-zone arithmetic with Intl only, so DST rules come from the runtime's tz database. */

export const isValidTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  weekday: number; // ISO: 1 = Monday ... 7 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (tz: string) => {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric",
      hour: "numeric", minute: "numeric", weekday: "short",
    });
    formatters.set(tz, f);
  }
  return f;
};
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export const zonedParts = (at: Date, tz: string): ZonedParts => {
  const parts = Object.fromEntries(formatterFor(tz).formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year), month: Number(parts.month), day: Number(parts.day),
    hour: Number(parts.hour), minute: Number(parts.minute), weekday: WEEKDAYS[parts.weekday ?? ""] ?? 1,
  };
};

/** The instant at which the wall clock in `tz` shows the given local date and time. */
export const zonedTime = (tz: string, year: number, month: number, day: number, hour = 0, minute = 0): Date => {
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes settle the offset, including on the day the offset changes.
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(new Date(guess), tz);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    guess += wanted - shown;
  }
  return new Date(guess);
};

/** Minutes after local midnight in `tz`. */
export const localMinutes = (at: Date, tz: string): number => {
  const p = zonedParts(at, tz);
  return p.hour * 60 + p.minute;
};

/** Whether `at` falls in a quiet window [start, end) of local minutes; windows may wrap midnight. */
export const inQuietWindow = (at: Date, tz: string, start: number | null, end: number | null): boolean => {
  if (start === null || end === null || start === end) return false;
  const m = localMinutes(at, tz);
  return start < end ? m >= start && m < end : m >= start || m < end;
};

/** "22:00" → 1320; null when malformed. */
export const parseClock = (text: string): number | null => {
  const m = /^(\d{1,2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]), min = Number(m[2] ?? 0);
  return h < 24 && min < 60 ? h * 60 + min : null;
};

export const formatClock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
