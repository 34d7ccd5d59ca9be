import type { Platform } from "../core/shared/context";
import type { InstallationRepository } from "./door-ports";

/** Tells the other replicas that an installation changed (PostgreSQL's LISTEN/NOTIFY), and hears them. */
export interface ChangeBus {
  publish(key: string): Promise<void>;
  subscribe(onChange: (key: string) => void): Promise<void>;
}

const TTL_MS = 5 * 60_000;
const MAX = 10_000;

/**
 * Workspaces' OAuth installations, kept in memory for five minutes so a request's authorization costs
 * no database round trip before its ack. A change (a new install, an uninstall, revoked tokens) drops
 * the entry here at once and, through the bus, on every other replica.
 */
export class CachedInstallations implements InstallationRepository {
  private readonly cache = new Map<string, { value: unknown | null; at: number }>();

  constructor(private readonly inner: InstallationRepository, private readonly bus?: ChangeBus, private readonly now: () => number = Date.now) {}

  /** Starts hearing other replicas' changes. */
  async listen(): Promise<void> {
    await this.bus?.subscribe((key) => this.cache.delete(key));
  }

  async find(key: string): Promise<unknown | null> {
    const hit = this.cache.get(key);
    if (hit && this.now() - hit.at < TTL_MS) return hit.value;
    const value = await this.inner.find(key);
    if (this.cache.size >= MAX) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { value, at: this.now() });
    return value;
  }

  async save(key: string, platform: Platform, data: unknown): Promise<void> {
    await this.inner.save(key, platform, data);
    await this.changed(key);
  }

  async remove(key: string): Promise<void> {
    await this.inner.remove(key);
    await this.changed(key);
  }

  private async changed(key: string): Promise<void> {
    this.cache.delete(key);
    await this.bus?.publish(key);
  }
}
