export const JOB_NAMES = ["unanswered", "roundup", "digests"] as const;
export type JobName = (typeof JOB_NAMES)[number];
