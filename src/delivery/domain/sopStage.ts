/** The stages of the client-delivery SOP, in the order a project normally moves through them. */
export const SOP_STAGES = [
  'REQUIREMENTS',
  'DEVELOPMENT',
  'STRESS_TEST',
  'ACCEPTANCE',
  'AFTERCARE',
  'CLOSED',
  'CANCELLED',
] as const;

export type SopStage = (typeof SOP_STAGES)[number];

/** Stages a project never leaves: its workflow completes once it reaches one. */
export const TERMINAL_STAGES: readonly SopStage[] = ['CLOSED', 'CANCELLED'];

export function isTerminalStage(stage: SopStage): boolean {
  return TERMINAL_STAGES.includes(stage);
}

/** Stages in which a project is still being delivered and can change. */
export const OPEN_STAGES: readonly SopStage[] = SOP_STAGES.filter((stage) => !isTerminalStage(stage));
