/** A requirement agreed with the client during the requirements stage. */
export const REQUIREMENT_STATUSES = ['PROPOSED', 'CONFIRMED', 'DROPPED'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

/** What the validation day found for a confirmed requirement; a GAP stays open until a review round closes it. */
export const VALIDATION_RESULTS = ['UNCHECKED', 'MET', 'GAP'] as const;
export type ValidationResult = (typeof VALIDATION_RESULTS)[number];

export interface RequirementState {
  id: string;
  title: string;
  status: RequirementStatus;
  validation: ValidationResult;
}
