// Loaded into the bot by the memory benchmark only (`node --import`): on SIGUSR2 it writes the
// process's own view of its memory (V8's heap, external and ArrayBuffer memory, the heap's spaces) as
// one JSON line to PEERLOOP_MEMORY_PROBE, so the benchmark can say where the resident set goes.
import fs from "node:fs";
import v8 from "node:v8";

const out = process.env.PEERLOOP_MEMORY_PROBE;
if (out) {
  process.on("SIGUSR2", () => {
    const mb = (n) => Math.round((n / 1048576) * 10) / 10;
    const usage = process.memoryUsage();
    const heap = v8.getHeapStatistics();
    const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, mb(s.physical_space_size)]));
    const line = {
      at: Date.now(), rss: mb(usage.rss), heapTotal: mb(usage.heapTotal), heapUsed: mb(usage.heapUsed),
      external: mb(usage.external), arrayBuffers: mb(usage.arrayBuffers), heapPhysical: mb(heap.total_physical_size),
      mallocedMemory: mb(heap.malloced_memory), peakMallocedMemory: mb(heap.peak_malloced_memory), spaces,
    };
    fs.appendFileSync(out, `${JSON.stringify(line)}\n`);
  });
}
