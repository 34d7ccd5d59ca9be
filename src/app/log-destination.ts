import fs from "node:fs";
import path from "node:path";

/** Where the local shell at a terminal writes its log (beside the embedded database's folder). */
export const SHELL_LOG_FILE = ".data/peerloop.log";

/**
 * Where log lines go. A platform door logs to stderr (its supervisor collects it). The local shell
 * at a terminal shares that terminal with the conversation, so it logs to a file instead: a JSON line
 * never appears between a member's messages. With stderr redirected (piped, `2>file`), stderr is
 * already apart from the conversation and is used. PEERLOOP_LOG_FILE decides in every mode ("-": stderr).
 */
export const logDestination = (opts: { file?: string; shell: boolean; stderrIsTTY: boolean }): string | "stderr" => {
  if (opts.file) return opts.file === "-" ? "stderr" : opts.file;
  return opts.shell && opts.stderrIsTTY ? SHELL_LOG_FILE : "stderr";
};

/** A writer for `logDestination`'s answer: lines appended to the file (its folder made first), or stderr. */
export const logWriter = (destination: string | "stderr"): ((line: string) => void) => {
  if (destination === "stderr") return (line) => void process.stderr.write(line);
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const stream = fs.createWriteStream(destination, { flags: "a" });
  // A log that cannot be written must not end the process: the line goes to stderr instead.
  stream.on("error", () => undefined);
  return (line) => void (stream.writable ? stream.write(line) : process.stderr.write(line));
};
