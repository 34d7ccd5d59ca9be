/**
 * Politeness: at most one request to a host every `gapMs`. Callers queue for their turn; a turn
 * further away than the caller's own deadline (its AbortSignal) ends the wait with that signal's error.
 */
export class HostPacer {
  private readonly next = new Map<string, number>();

  constructor(private readonly gapMs: number) {}

  async wait(host: string, signal?: AbortSignal): Promise<void> {
    if (this.gapMs <= 0) return;
    const now = Date.now();
    const at = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, at + this.gapMs);
    if (this.next.size > 10_000) this.forgetPast(now);
    if (at <= now) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, at - now);
      signal?.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
    });
  }

  private forgetPast(now: number) {
    for (const [host, at] of this.next) if (at < now) this.next.delete(host);
  }
}
