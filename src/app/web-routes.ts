import type { IncomingMessage, ServerResponse } from "node:http";
import type { Writable } from "node:stream";
import { createWebHandler } from "../adapters/web/web-handler";
import { exportCommunity } from "../core/data/export-community";
import { twilioWebhook } from "../adapters/sms/twilio-webhook";
import { localDateKey } from "../core/jobs/periods";
import { exportMember } from "../core/data/member-export";
import type { Container } from "./container";

/** Handles a web request; false when the path is not the web's (the caller answers it). */
export type WebRoutes = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** Writes to a stream, waiting when it asks to (a slow download holds the export, not memory). */
export const streamWriter = (out: Writable) => (chunk: string) =>
  new Promise<void>((resolve, reject) => {
    if (out.destroyed) return reject(new Error("the download was closed"));
    if (out.write(chunk)) return resolve();
    const done = () => (out.off("drain", done), out.off("close", closed), resolve());
    const closed = () => (out.off("drain", done), reject(new Error("the download was closed")));
    out.once("drain", done).once("close", closed);
  });

/** The web pages of every community on this process's HTTP server. */
export const webRoutesFor = (c: Container): WebRoutes => {
  const texts = twilioWebhook({
    authToken: c.config.TWILIO_AUTH_TOKEN, publicUrl: c.config.PEERLOOP_PUBLIC_URL, logger: c.logger,
    inbound: (from, body) => c.services.sms.inbound(from, body),
  });
  const pages = createWebHandler({
    site: c.site, links: c.links, clock: c.clock, logger: c.logger,
    exportTo: (communityId, format, out) => exportCommunity(c.data, communityId, format, streamWriter(out), c.clock.now()),
    health: {
      report: async (communityId, days, tag) => (await c.services.health.report(communityId, { days, tag })).now,
      // A page view is counted off the answer's path; a lost count is not worth an error page.
      opened: (community) => void c.store.health?.countWebOpen(community.id, localDateKey(c.clock.now(), community.timeZone)).catch(() => undefined),
    },
    exportMine: (communityId, memberId, out) => exportMember(c.data, communityId, memberId, streamWriter(out), c.clock.now()),
    email: {
      confirm: async (communityId, memberId, code) => {
        const outcome = await c.app.confirmEmail(communityId, memberId, code);
        const message = outcome.messages[0]?.message;
        return { ok: message?.tone === "success" || message?.tone === "info", text: message?.text ?? "" };
      },
      unsubscribe: async (communityId, memberId) => void (await c.store.emails?.remove(communityId, memberId)),
    },
  });
  return async (req, res) => (await texts(req, res)) || pages(req, res);
};
