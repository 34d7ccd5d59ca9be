/** Per-community jobs, and "prune", which keeps the bookkeeping tables from growing without end. */
export const JOB_NAMES = ["unanswered", "roundup", "digests", "sources", "links", "related", "health", "prune", "route"] as const;
export type JobName = (typeof JOB_NAMES)[number];

export const isJobName = (name: string | undefined): name is JobName => JOB_NAMES.includes(name as JobName);
