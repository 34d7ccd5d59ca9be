import type { Config } from "../../config";
import { AddressPolicy } from "./address-policy";
import { SafeFetcher } from "./safe-fetch";

const VERSION = "0.1.0";

/** Who is asking, for the site's logs: Peerloop, its version, and where to read about this deployment. */
export const userAgent = (publicUrl?: string) =>
  `Peerloop/${VERSION} (link previews, feeds and link checks for a professional learning community; +${publicUrl ?? "https://github.com/peerloop/peerloop"})`;

export const createFetcher = (config: Pick<Config, "PEERLOOP_FETCH_ALLOW" | "PEERLOOP_FETCH_PUBLIC" | "PEERLOOP_FETCH_HOST_GAP_MS" | "PEERLOOP_PUBLIC_URL">): SafeFetcher =>
  new SafeFetcher({
    policy: AddressPolicy.fromList(config.PEERLOOP_FETCH_ALLOW, config.PEERLOOP_FETCH_PUBLIC),
    userAgent: userAgent(config.PEERLOOP_PUBLIC_URL),
    hostGapMs: config.PEERLOOP_FETCH_HOST_GAP_MS,
  });
