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

/**
 * Where a process's resident memory lies, from /proc/<pid>/smaps (Linux), in MB: the node binary's
 * pages, shared libraries, other mapped files, malloc's brk heap, WebAssembly memories (V8 puts a guard
 * reservation of several GiB right after each one's accessible pages) and the rest of anonymous memory
 * (V8's heap, malloc's arenas, thread stacks).
 */
export const memoryMap = async (pid: number): Promise<Record<string, number>> => {
  const { readFile } = await import("node:fs/promises");
  const maps: { start: number; end: number; perms: string; name: string; rss: number }[] = [];
  for (const line of (await readFile(`/proc/${pid}/smaps`, "utf8")).split("\n")) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (head) maps.push({ start: Number.parseInt(head[1]!, 16), end: Number.parseInt(head[2]!, 16), perms: head[3]!, name: head[4]!.trim(), rss: 0 });
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && maps.length) maps.at(-1)!.rss = Number(rss[1]) / 1024;
  }
  const totals: Record<string, number> = { "node binary": 0, "shared libraries": 0, "other files": 0, "brk heap": 0, "WebAssembly memory": 0, "other anonymous": 0, stacks: 0 };
  maps.forEach((m, i) => {
    const next = maps[i + 1];
    const guarded = !m.name && next && !next.name && next.start === m.end && next.perms.startsWith("---") && next.end - next.start >= 4 * 1024 ** 3;
    const kind = m.name === process.execPath || /\/node$/.test(m.name) ? "node binary"
      : /\.so(\.|$)/.test(m.name) ? "shared libraries"
      : m.name === "[heap]" ? "brk heap"
      : m.name.startsWith("[stack") ? "stacks"
      : m.name.startsWith("/") ? "other files"
      : guarded ? "WebAssembly memory" : "other anonymous";
    totals[kind]! += m.rss;
  });
  return totals;
};
