import type { Logger } from "../core/shared/logger";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof LEVELS;

/** One JSON object a line on stderr, so stdout stays free for the shell door and CLI output. */
export const jsonLogger = (level: LogLevel = "info", write: (line: string) => unknown = (line) => process.stderr.write(line)): Logger => {
  const at = (l: LogLevel) => (message: string, context?: Record<string, unknown>) => {
    if (LEVELS[l] < LEVELS[level]) return;
    write(`${JSON.stringify({ time: new Date().toISOString(), level: l, message, ...context })}\n`);
  };
  return { info: at("info"), warn: at("warn"), error: at("error") };
};
