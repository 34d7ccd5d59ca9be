import { zonedParts, zonedTime } from "../shared/time-zone";

const pad = (n: number) => String(n).padStart(2, "0");

/** The ISO week (Monday start) that contains `at` in `tz`, as "2026-W48". */
export const isoWeekKey = (at: Date, tz: string): string => {
  const p = zonedParts(at, tz);
  // ISO week: the week's Thursday decides the year.
  const day = new Date(Date.UTC(p.year, p.month - 1, p.day));
  day.setUTCDate(day.getUTCDate() + 4 - p.weekday);
  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((day.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${pad(week)}`;
};

/** The local calendar date of `at` in `tz`, as "2026-11-25". */
export const localDateKey = (at: Date, tz: string): string => {
  const p = zonedParts(at, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
};

/** The instant of this local week's `isoWeekday` at `hour` in `tz` (the week of `at`, Monday start). */
export const weeklySlot = (at: Date, tz: string, isoWeekday: number, hour: number): Date => {
  const p = zonedParts(at, tz);
  const monday = new Date(Date.UTC(p.year, p.month - 1, p.day - (p.weekday - 1)));
  const target = new Date(monday.getTime() + (isoWeekday - 1) * 86_400_000);
  return zonedTime(tz, target.getUTCFullYear(), target.getUTCMonth() + 1, target.getUTCDate(), hour);
};
