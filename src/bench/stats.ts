/** Percentiles and a plain table: benchmarks print figures, they assert nothing. */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]! : NaN;

export const summarize = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 0.5), p95: percentile(s, 0.95), p99: percentile(s, 0.99), max: s.at(-1) ?? NaN };
};

export const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 2 : 1)} ms` : "—");

export const table = (headers: string[], rows: (string | number)[][]): string => {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(cells[0]!), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...cells.slice(1).map(line)].join("\n");
};

/** Runs `task(i)` for i < total with at most `concurrency` in flight; stops early at `deadline`. */
export const pool = async (total: number, concurrency: number, deadline: number, task: (i: number) => Promise<void>): Promise<number> => {
  let next = 0, done = 0;
  const worker = async () => {
    while (next < total && Date.now() < deadline) {
      const i = next++;
      await task(i);
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done;
};

/** Resident memory of a process in MB, from /proc (Linux). */
export const rssMb = async (pid: number): Promise<number> => {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
};
