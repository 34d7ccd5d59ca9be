import { shellCourier } from "../adapters/shell/shell-courier";
import type { Config } from "../config";
import type { Courier, Couriers } from "../core/jobs/courier";
import type { ShownButton } from "../adapters/shell/shell-courier";
import type { InstallationRepository } from "./door-ports";

/**
 * How jobs reach each platform from this process's configuration: Web/REST APIs only, no gateway.
 * A platform's SDK is loaded only when it is configured (each costs tens of MB of memory).
 */
export const couriersFor = async (config: Config, installations: InstallationRepository, output: NodeJS.WritableStream,
  email?: { unsubscribeUrl(communityId: string, memberId: string): Promise<string>; onWritten?: (file: string) => void },
  sms?: { onWritten?: (file: string) => void }, shellButtons?: ShownButton[]): Promise<Couriers> => {
  const couriers: Couriers = { shell: shellCourier(output as never, shellButtons) };
  if (sms) {
    // Twilio when configured; else each text is a file in PEERLOOP_SMS_DIR.
    if (config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN) {
      const { twilioCourier } = await import("../adapters/sms/twilio-courier");
      couriers.sms = twilioCourier({ accountSid: config.TWILIO_ACCOUNT_SID, authToken: config.TWILIO_AUTH_TOKEN, from: config.TWILIO_FROM, messagingServiceSid: config.TWILIO_MESSAGING_SERVICE_SID, apiUrl: config.TWILIO_API_URL });
    } else {
      const { smsFileCourier } = await import("../adapters/sms/sms-file-courier");
      couriers.sms = smsFileCourier(config.PEERLOOP_SMS_DIR, sms.onWritten);
    }
  }
  if (email) {
    // nodemailer loads on the first email, not at start: most runs (and most jobs) send none.
    let loaded: Promise<Courier> | undefined;
    couriers.email = {
      deliver: async (community, to, message) => {
        loaded ??= import("../adapters/email/email-courier").then(({ emailCourier }) =>
          emailCourier({ smtpUrl: config.SMTP_URL, from: config.EMAIL_FROM, mailDir: config.PEERLOOP_MAIL_DIR, ...email }));
        return (await loaded).deliver(community, to, message);
      },
    };
  }
  if (config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID) {
    const [{ slackClients }, { slackCourier }] = await Promise.all([import("../adapters/slack/slack-clients"), import("../adapters/slack/slack-deliver")]);
    couriers.slack = slackCourier(slackClients({ botToken: config.SLACK_BOT_TOKEN, apiUrl: config.SLACK_API_URL, oauth: !config.SLACK_BOT_TOKEN }, installations));
  }
  if (config.DISCORD_TOKEN) {
    const { discordCourier, discordRest } = await import("../adapters/discord/discord-deliver");
    couriers.discord = discordCourier(discordRest(config.DISCORD_TOKEN, config.DISCORD_API_URL));
  }
  return couriers;
};
