import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { CourierError, type Courier } from "../../core/jobs/courier";
import { maskPhone } from "../../core/sms/phone-numbers";

/**
 * Without Twilio (the shell, a new install): each text is written as a small file in `dir`, named
 * without the number, and `onWritten` says where (the shell prints it, as it does for email).
 */
export const smsFileCourier = (dir: string, onWritten?: (file: string) => void): Courier => ({
  async deliver(community, to, message) {
    if (to.kind !== "sms") throw new CourierError(`the text courier cannot reach "${to.kind}"`, false);
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${to.purpose}-${to.memberId.slice(0, 8)}.txt`);
    await writeFile(file, `To: ${to.to}\nCommunity: ${community.name}\n\n${message.text}\n`, { mode: 0o600 });
    onWritten?.(`${file} (to ${maskPhone(to.to)})`);
    return { ref: path.basename(file) };
  },
});
