/** Late arrivals within this grace count from the start. */
const GRACE_MS = 30 * 60_000;
/** Check-in opens an hour before the start and closes 12 h after the end (staff entering attendance afterwards). */
export const CHECKIN_OPENS_MS = 3600_000;
export const CHECKIN_CLOSES_MS = 12 * 3600_000;

export function isCheckInOpen(a: { startsAt: Date; endsAt: Date }, now: Date): boolean {
  return now.getTime() >= a.startsAt.getTime() - CHECKIN_OPENS_MS && now.getTime() <= a.endsAt.getTime() + CHECKIN_CLOSES_MS;
}

/**
 * The time a checked-in volunteer served: from the start (or their arrival, when later than the grace and before the
 * end) to the end (or their check-out, when earlier).
 */
export function attendanceSpan(
  a: { startsAt: Date; endsAt: Date },
  s: { checkedInAt: Date; checkedOutAt: Date | null },
): { startsAt: Date; endsAt: Date } {
  const late = s.checkedInAt.getTime() > a.startsAt.getTime() + GRACE_MS && s.checkedInAt < a.endsAt;
  const startsAt = late ? s.checkedInAt : a.startsAt;
  const early = s.checkedOutAt && s.checkedOutAt > startsAt && s.checkedOutAt < a.endsAt;
  return { startsAt, endsAt: early ? s.checkedOutAt! : a.endsAt };
}
