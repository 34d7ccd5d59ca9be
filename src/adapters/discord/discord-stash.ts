import { randomBytes } from "node:crypto";
import type { ButtonValues } from "../../app/door-ports";

const TTL = 30 * 60_000;

/**
 * Button values longer than Discord's 100-character custom ids (a flagged post's "post anyway"),
 * kept in the database for half an hour: the click may reach another replica (another shard's owner
 * after a reshard) or this one after a restart. Rendering is synchronous, so `put` hands out the key
 * at once and `flush` (awaited before the message is sent) makes sure the value is stored first.
 */
export class ButtonStash {
  private pending: Promise<void>[] = [];

  constructor(private readonly store: ButtonValues, private readonly now: () => Date = () => new Date()) {}

  put = (value: string): string => {
    const key = randomBytes(9).toString("base64url");
    this.pending.push(this.store.put(key, value, new Date(this.now().getTime() + TTL)));
    return key;
  };

  /** Waits until every value handed out so far is stored. */
  async flush(): Promise<void> {
    const writes = this.pending.splice(0);
    await Promise.all(writes);
  }

  /** The value for a key this class handed out; anything else (a tampered custom id) is simply unknown. */
  async take(key: string): Promise<string | null> {
    if (!/^[\w-]{12}$/.test(key)) return null;
    return this.store.take(key, this.now());
  }

  /** The value for a button's key, kept for a second press (which the press claim answers "already done"). */
  async read(key: string): Promise<string | null> {
    if (!/^[\w-]{12}$/.test(key)) return null;
    return this.store.read(key, this.now());
  }
}
