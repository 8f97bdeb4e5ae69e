/** One real day. Workflows take the length of a day as input so demos can run the SOP faster. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Milliseconds from `nowMs` until `startIso` + `days` (never negative). */
export function msUntil(startIso: string, days: number, dayMs: number, nowMs: number): number {
  return Math.max(0, Date.parse(startIso) + days * dayMs - nowMs);
}

export function isoAfterDays(nowMs: number, days: number, dayMs: number): string {
  return new Date(nowMs + days * dayMs).toISOString();
}
