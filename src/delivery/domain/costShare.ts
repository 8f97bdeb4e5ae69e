import type { PackagePolicy } from '../../catalog/domain/packagePolicy.js';

export const COST_PHASES = ['RESEARCH', 'ITERATION', 'AFTER_SALES', 'OTHER'] as const;
export type CostPhase = (typeof COST_PHASES)[number];

const GUARDED: Record<Exclude<CostPhase, 'OTHER'>, keyof PackagePolicy['costShareGuardrails']> = {
  RESEARCH: 'research',
  ITERATION: 'iteration',
  AFTER_SALES: 'afterSales',
};

export interface CostShare {
  phase: Exclude<CostPhase, 'OTHER'>;
  spent: number;
  /** Share of the contract value; null while the contract value is unknown. */
  share: number | null;
  guardrailMax: number;
  /** True when the phase costs more than its guardrail allows. */
  overGuardrail: boolean;
}

/** Each guarded phase's spending against the contract value and its cost-share guardrail. */
export function costShares(
  entries: readonly { phase: CostPhase; amount: number }[],
  contractValue: number | null,
  guardrails: PackagePolicy['costShareGuardrails'],
): CostShare[] {
  return (Object.keys(GUARDED) as (keyof typeof GUARDED)[]).map((phase) => {
    const spent = entries.filter((e) => e.phase === phase).reduce((sum, e) => sum + e.amount, 0);
    const share = contractValue && contractValue > 0 ? spent / contractValue : null;
    const guardrailMax = guardrails[GUARDED[phase]].max;
    return { phase, spent, share, guardrailMax, overGuardrail: share !== null && share > guardrailMax };
  });
}
