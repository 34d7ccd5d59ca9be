import { describe, expect, it } from "vitest";
import { inQuietWindow, isValidTimeZone, parseClock, zonedParts, zonedTime } from "../../src/core/shared/time-zone";

describe("time zones", () => {
  it("finds the instant of a local wall-clock time across DST", () => {
    // New York: EDT (UTC-4) until 2026-11-01 02:00, then EST (UTC-5).
    expect(zonedTime("America/New_York", 2026, 10, 26, 9).toISOString()).toBe("2026-10-26T13:00:00.000Z");
    expect(zonedTime("America/New_York", 2026, 11, 2, 9).toISOString()).toBe("2026-11-02T14:00:00.000Z");
    // Berlin: CEST until 2026-10-25, then CET.
    expect(zonedTime("Europe/Berlin", 2026, 10, 19, 9).toISOString()).toBe("2026-10-19T07:00:00.000Z");
    expect(zonedTime("Europe/Berlin", 2026, 10, 26, 9).toISOString()).toBe("2026-10-26T08:00:00.000Z");
  });

  it("reads local parts with ISO weekdays", () => {
    expect(zonedParts(new Date("2026-11-02T03:30:00Z"), "America/New_York")).toMatchObject({ day: 1, hour: 22, minute: 30, weekday: 7 });
  });

  it("knows quiet windows that wrap midnight", () => {
    const tz = "Europe/Berlin";
    expect(inQuietWindow(new Date("2026-11-02T22:30:00Z"), tz, 22 * 60, 7 * 60)).toBe(true); // 23:30 local
    expect(inQuietWindow(new Date("2026-11-02T05:30:00Z"), tz, 22 * 60, 7 * 60)).toBe(true); // 06:30 local
    expect(inQuietWindow(new Date("2026-11-02T06:30:00Z"), tz, 22 * 60, 7 * 60)).toBe(false); // 07:30 local
    expect(inQuietWindow(new Date("2026-11-02T12:00:00Z"), tz, 12 * 60, 14 * 60)).toBe(true); // 13:00 local
    expect(inQuietWindow(new Date("2026-11-02T13:00:00Z"), tz, 12 * 60, 14 * 60)).toBe(false); // 14:00 local, end excluded
    expect(inQuietWindow(new Date("2026-11-02T13:00:00Z"), tz, null, null)).toBe(false);
  });

  it("parses clock times and zones", () => {
    expect(parseClock("7")).toBe(420);
    expect(parseClock("21:30")).toBe(1290);
    expect(parseClock("24:00")).toBeNull();
    expect(isValidTimeZone("America/Chicago")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
