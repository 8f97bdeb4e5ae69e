/**
 * Why the SOP refuses a lead's action. `code` says which kind of refusal it is, `rule`
 * which rule refused it, and `required`/`actual` the numbers behind it where there are any,
 * so a client can render "2 of 8 communication rounds logged" without parsing the message.
 */
export interface RuleViolation {
  code: 'SOP_RULE_VIOLATION' | 'STAGE_CONFLICT' | 'INVALID_INPUT';
  rule: string;
  message: string;
  required?: number;
  actual?: number;
  /** The input field at fault, for input refusals. */
  field?: string;
}
