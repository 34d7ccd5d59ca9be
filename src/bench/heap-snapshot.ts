import { readFileSync } from "node:fs";

export interface HeapSummary {
  /** Live heap (a snapshot collects garbage first), in MB. */
  totalMb: number;
  nodes: number;
  /** Self size in bytes and count, by constructor (objects) or kind (strings, closures, code…). */
  byKind: Map<string, { bytes: number; count: number }>;
}

/** Reads a V8 .heapsnapshot and adds up its nodes by what they are. */
export const summarizeSnapshot = (file: string): HeapSummary => {
  const snap = JSON.parse(readFileSync(file, "utf8")) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = [fields.indexOf("type"), fields.indexOf("name"), fields.indexOf("self_size")];
  const types = snap.snapshot.meta.node_types[0];
  const byKind = new Map<string, { bytes: number; count: number }>();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt]!]!;
    const size = snap.nodes[i + sizeAt]!;
    total += size;
    const key = type === "object" || type === "native" ? snap.strings[snap.nodes[i + nameAt]!]!.slice(0, 60) : `(${type})`;
    const entry = byKind.get(key) ?? { bytes: 0, count: 0 };
    entry.bytes += size;
    entry.count += 1;
    byKind.set(key, entry);
  }
  return { totalMb: total / 1048576, nodes: snap.nodes.length / width, byKind };
};

/** What grew most between two snapshots, by self size. */
export const growth = (a: HeapSummary, b: HeapSummary, top = 8) =>
  [...b.byKind.entries()]
    .map(([kind, x]) => ({ kind, bytes: x.bytes - (a.byKind.get(kind)?.bytes ?? 0), count: x.count - (a.byKind.get(kind)?.count ?? 0) }))
    .sort((x, y) => y.bytes - x.bytes)
    .slice(0, top);
