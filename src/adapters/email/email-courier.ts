import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { CourierError, type Courier } from "../../core/jobs/courier";
import { renderEmail } from "./email-render";

export interface EmailCourierOptions {
  /** smtp:// or smtps://; without it each email is written as an .eml file in `mailDir`. */
  smtpUrl?: string;
  from: string;
  mailDir: string;
  /** The member's one-click unsubscribe address. */
  unsubscribeUrl(communityId: string, memberId: string): Promise<string>;
  /** Told where a written .eml file is (the shell prints it). */
  onWritten?: (file: string) => void;
}

/** SMTP's temporary failures (4xx) and lost connections are tried again; a 5xx is final. */
const classify = (error: unknown): CourierError => {
  const e = error as { responseCode?: number; code?: string; message?: string };
  const message = e.message ?? String(error);
  if (typeof e.responseCode === "number" && e.responseCode >= 500) return new CourierError(`smtp ${e.responseCode}: ${message}`, false);
  if (typeof e.responseCode === "number" && e.responseCode >= 400) return new CourierError(`smtp ${e.responseCode}: ${message}`, true);
  return new CourierError(`smtp: ${message}`, true);
};

/**
 * Sends the outbox's email audiences with nodemailer: multipart text and HTML, Message-ID and Date,
 * List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) for everything but the confirmation itself.
 */
export const emailCourier = (opts: EmailCourierOptions): Courier => {
  const transport = opts.smtpUrl
    ? nodemailer.createTransport(opts.smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as never)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async deliver(community, to, message) {
      if (to.kind !== "email") throw new CourierError(`the email courier cannot reach "${to.kind}"`, false);
      const unsubscribe = to.purpose === "confirm" ? undefined : await opts.unsubscribeUrl(community.id, to.memberId);
      const mail = renderEmail(message, { communityName: community.name, unsubscribeUrl: unsubscribe });
      const headers: Record<string, string> = { "Auto-Submitted": "auto-generated" };
      if (unsubscribe) {
        headers["List-Unsubscribe"] = `<${unsubscribe}>`;
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
      }
      let info: { messageId?: string; message?: Buffer };
      try {
        info = await transport.sendMail({ from: opts.from, to: to.address, subject: mail.subject, text: mail.text, html: mail.html, headers, date: new Date() }) as typeof info;
      } catch (error) {
        throw classify(error);
      }
      if (!opts.smtpUrl && info.message) {
        await mkdir(opts.mailDir, { recursive: true });
        const file = path.join(opts.mailDir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${to.purpose}-${to.memberId.slice(0, 8)}.eml`);
        await writeFile(file, info.message);
        opts.onWritten?.(file);
      }
      return { ref: info.messageId ?? "" };
    },
  };
};
