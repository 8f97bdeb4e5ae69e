/** A review round with the client during development. */
export const REVIEW_KINDS = ['PROTOTYPE', 'ON_SITE', 'REMOTE'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const REVIEW_OUTCOMES = ['APPROVED', 'CHANGES_REQUESTED'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export interface ReviewRound {
  kind: ReviewKind;
  outcome: ReviewOutcome;
  feedback: string;
  clientAttendees: string[];
  /** Validation-day gaps this round shows to be closed. */
  closesGapIds: string[];
  actor: string;
}
