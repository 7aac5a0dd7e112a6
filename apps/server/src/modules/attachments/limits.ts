/** Upload limits: 5 MiB per image; at most 30 unused uploads per user in 24 hours; unused ones are swept after 24 h. */
export const ATTACHMENT_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxUnclaimed: 30,
  windowHours: 24,
} as const;

export const unclaimedWindowStart = (now: Date) => new Date(now.getTime() - ATTACHMENT_LIMITS.windowHours * 3_600_000);
