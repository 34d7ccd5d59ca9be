import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Debian's chromium (or PEERLOOP_CHROMIUM): playwright-core drives it; nothing is downloaded. */
export const chromiumPath = (): string | undefined =>
  [process.env.PEERLOOP_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p): p is string => Boolean(p && existsSync(p)));

/**
 * Browser tests run wherever a chromium is installed, and always in CI (.ci/run installs it): there a
 * missing browser fails the run instead of skipping. Elsewhere they are skipped with this reason.
 */
export const browserMissing = (): string | false =>
  !chromiumPath() && !process.env.CI ? "no chromium: install it (apt-get install chromium) or set PEERLOOP_CHROMIUM to run the browser tests" : false;

/** Starts that chromium headless, with the flags a container or CI machine needs. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"], timeout: 60_000 });
