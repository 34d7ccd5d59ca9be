/**
 * Text from a member, made safe to store and show: control characters (NUL, which PostgreSQL refuses,
 * and the rest of C0/C1 but tab and newlines), lone surrogates, bidirectional overrides that can
 * disguise a link, and private-use characters are removed, but for the two a door marks a real platform mention with
 * (U+E000, U+E001; the door strips any a member typed before it marks); line endings
 * become \n. Everything a person can see is kept.
 */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uE002-\uF8FF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const cleanText = (text: string): string => text.replace(/\r\n?/g, "\n").replace(UNSAFE, "");

/** Values a door hands over as-is (ids, timestamps, button values): anything else is not ours. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
