import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on loopback (the smtp-server package) that keeps what it receives, parsed by
 * mailparser, and can be told to answer the next messages with a temporary (4xx) or permanent (5xx) error.
 */
export const startFakeSmtp = async () => {
  const received: ParsedMail[] = [];
  const failures: number[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const code = failures.shift();
      if (code) {
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error(code >= 500 ? "mailbox unavailable" : "try again later"), { responseCode: code })));
        return;
      }
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** The next `n` messages get this SMTP reply code instead of being accepted. */
    failNext: (code: number, n = 1) => failures.push(...Array.from({ length: n }, () => code)),
    to: (address: string) => received.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.text.includes(address))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
