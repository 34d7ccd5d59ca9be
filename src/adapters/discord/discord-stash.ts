import { randomBytes } from "node:crypto";

const TTL = 30 * 60_000;
const MAX = 2_000;

/**
 * Button values longer than Discord's 100-character custom ids (a flagged post's "post anyway"),
 * kept in memory for half an hour. Interactions for a server always reach the process that holds
 * its gateway shard, which is the process that rendered the button.
 */
export class ButtonStash {
  private readonly values = new Map<string, { value: string; at: number }>();

  put = (value: string): string => {
    const key = randomBytes(9).toString("base64url");
    if (this.values.size >= MAX) this.values.delete(this.values.keys().next().value!);
    this.values.set(key, { value, at: Date.now() });
    return key;
  };

  take(key: string): string | null {
    const hit = this.values.get(key);
    this.values.delete(key);
    return hit && Date.now() - hit.at < TTL ? hit.value : null;
  }
}
