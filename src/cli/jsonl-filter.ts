import readline from "node:readline";

/**
 * The detectors' `--jsonl` mode: {"id","text"} lines on stdin, one answer line each on stdout, in
 * order. A line that is not JSON is reported on stderr and skipped; a missing text counts as empty.
 */
export const answerJsonLines = async (answer: (id: unknown, text: string | null) => Record<string, unknown>): Promise<number> => {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of rl) {
    line++;
    if (!raw.trim()) continue;
    let msg: { id?: unknown; text?: unknown };
    try {
      msg = JSON.parse(raw);
    } catch {
      process.stderr.write(`line ${line}: not JSON, skipped\n`);
      continue;
    }
    process.stdout.write(`${JSON.stringify({ id: msg?.id, ...answer(msg?.id, typeof msg?.text === "string" ? msg.text : null) })}\n`);
  }
  return 0;
};
