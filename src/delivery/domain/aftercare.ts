/** A month of after-care, for monitoring reports and durations. */
export const DAYS_PER_MONTH = 30;

/** The service review opens after the first month of after-care (a month of data to review)... */
export const SERVICE_REVIEW_OPENS_AFTER_DAYS = 30;
/** ...and a reminder goes out this many days before it is due, if it is not done by then. */
export const SERVICE_REVIEW_REMINDER_DAYS_BEFORE_DUE = 7;

export const MONITORING_STATUSES = ['NOT_STARTED', 'RUNNING', 'ENDED'] as const;
export type MonitoringStatus = (typeof MONITORING_STATUSES)[number];

export const SERVICE_REVIEW_STATUSES = ['NOT_DUE', 'OPEN', 'DONE'] as const;
export type ServiceReviewStatus = (typeof SERVICE_REVIEW_STATUSES)[number];

/** Months of hosting and traffic monitoring after delivery: whichever the policy promises longer. */
export function monitoringMonths(policy: { hostingMonths: number; trafficMonitoringMonths: number }): number {
  return Math.max(policy.hostingMonths, policy.trafficMonitoringMonths);
}

/** When the review opens and when its reminder fires, in days after after-care starts. */
export function serviceReviewSchedule(withinDays: number) {
  const opensAfterDays = Math.min(SERVICE_REVIEW_OPENS_AFTER_DAYS, Math.max(0, withinDays - SERVICE_REVIEW_REMINDER_DAYS_BEFORE_DUE));
  const reminderAfterDays = Math.max(opensAfterDays, withinDays - SERVICE_REVIEW_REMINDER_DAYS_BEFORE_DUE);
  return { opensAfterDays, reminderAfterDays, dueAfterDays: withinDays };
}

export function isValidNps(score: unknown): score is number {
  return typeof score === 'number' && Number.isInteger(score) && score >= 0 && score <= 10;
}
