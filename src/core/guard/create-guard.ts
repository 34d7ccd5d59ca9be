import type { Guard } from "./guard-types";

/** Placeholder until the confidentiality guard (issue 6) lands: flags nothing. */
export const createGuard = (): Guard => ({ inspect: () => [] });
