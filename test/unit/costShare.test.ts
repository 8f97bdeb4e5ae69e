import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKAGES } from '../../src/catalog/domain/defaultPackages.js';
import { costShares, type CostPhase } from '../../src/delivery/domain/costShare.js';

// research max 0.08, iteration max 0.2, after-sales max 0.15.
const guardrails = DEFAULT_PACKAGES.find((p) => p.code === 'STANDARD')!.policy.costShareGuardrails;

const entries: { phase: CostPhase; amount: number }[] = [
  { phase: 'RESEARCH', amount: 300 },
  { phase: 'RESEARCH', amount: 500 },
  { phase: 'ITERATION', amount: 2500 },
  { phase: 'AFTER_SALES', amount: 1000 },
  { phase: 'OTHER', amount: 99_999 },
];

describe('costShares', () => {
  it('sums each guarded phase and compares its share of the contract with the guardrail', () => {
    expect(costShares(entries, 10_000, guardrails)).toEqual([
      { phase: 'RESEARCH', spent: 800, share: 0.08, guardrailMax: 0.08, overGuardrail: false },
      { phase: 'ITERATION', spent: 2500, share: 0.25, guardrailMax: 0.2, overGuardrail: true },
      { phase: 'AFTER_SALES', spent: 1000, share: 0.1, guardrailMax: 0.15, overGuardrail: false },
    ]);
  });

  it('flags a phase only above its maximum, not at it', () => {
    const at = costShares([{ phase: 'AFTER_SALES', amount: 150 }], 1000, guardrails).find((s) => s.phase === 'AFTER_SALES')!;
    const above = costShares([{ phase: 'AFTER_SALES', amount: 151 }], 1000, guardrails).find((s) => s.phase === 'AFTER_SALES')!;
    expect(at).toMatchObject({ share: 0.15, overGuardrail: false });
    expect(above).toMatchObject({ share: 0.151, overGuardrail: true });
  });

  it('ignores the OTHER phase', () => {
    const shares = costShares([{ phase: 'OTHER', amount: 5000 }], 1000, guardrails);
    expect(shares.map((s) => s.phase)).toEqual(['RESEARCH', 'ITERATION', 'AFTER_SALES']);
    expect(shares.every((s) => s.spent === 0 && s.share === 0 && !s.overGuardrail)).toBe(true);
  });

  it.each([null, 0])('has no share (and flags nothing) with a contract value of %s', (contractValue) => {
    const shares = costShares(entries, contractValue, guardrails);
    expect(shares.map((s) => [s.phase, s.spent, s.share, s.overGuardrail])).toEqual([
      ['RESEARCH', 800, null, false],
      ['ITERATION', 2500, null, false],
      ['AFTER_SALES', 1000, null, false],
    ]);
  });

  it('reads the guardrails it is given', () => {
    const strict = { ...guardrails, research: { min: 0, max: 0.01 } };
    expect(costShares(entries, 10_000, strict)[0]).toMatchObject({ guardrailMax: 0.01, overGuardrail: true });
  });
});
