import { ConfigError } from "../config";

/**
 * Runs a CLI entry point: a configuration problem prints its lines (no stack trace) and exits 2,
 * anything else prints one line and exits 1.
 */
export const runCli = (main: () => Promise<number | void>): void => {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      if (error instanceof ConfigError) {
        for (const line of error.problems) process.stderr.write(`Configuration: ${line}\n`);
        process.exit(2);
      }
      process.stderr.write(`peerloop: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
};
