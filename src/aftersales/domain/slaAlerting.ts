import { DEFAULT_LEAD_TIME_MILLIS, DEFAULT_WARN_SHARE } from './slaClock.js';

/**
 * When SLA warnings go out, for every new ticket (SLA_WARN_SHARE, SLA_LEAD_TIME_MINUTES,
 * SLA_WARNINGS_IN_BUSINESS_HOURS): at a share of each target, at a fixed amount of business
 * time left, and optionally only within the recipients' business hours (the assignee's
 * team's calendar, else the agency's; breaches never wait). A ticket keeps the settings it
 * opened with (its workflow got them then).
 */
export interface SlaAlerting {
  /** (0, 1]: warn once this share of a target is used. */
  warnShare: number;
  /** Warn when this much business time is left. */
  leadTimeMillis: number;
  /** Hold warnings reached outside the recipients' business hours until they open. */
  warningsInBusinessHours: boolean;
}

export const DEFAULT_SLA_ALERTING: SlaAlerting = Object.freeze({ warnShare: DEFAULT_WARN_SHARE, leadTimeMillis: DEFAULT_LEAD_TIME_MILLIS, warningsInBusinessHours: false });
