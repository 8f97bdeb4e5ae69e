import { describe, expect, it } from 'vitest';
import { netPromoterScore, suggestTier, TIER_RULE, type ClientFacts } from '../../src/insights/domain/tierSuggestion.js';

const facts = (overrides: Partial<ClientFacts> = {}): ClientFacts => ({ contractValue12m: 50_000, projects12m: 2, nps: 20, npsResponses: 5, complaints12m: 0, ...overrides });

describe('netPromoterScore', () => {
  it('is % promoters (9-10) minus % detractors (0-6), whole, null without scores', () => {
    expect(netPromoterScore([])).toBeNull();
    expect(netPromoterScore([10, 9, 8, 7, 6])).toBe(20); // 2 promoters, 1 detractor of 5
    expect(netPromoterScore([0, 0, 0])).toBe(-100);
    expect(netPromoterScore([9, 7, 8])).toBe(33); // 1/3 rounds to 33
    expect(netPromoterScore([7, 8])).toBe(0);
  });
});

describe('suggestTier', () => {
  it('suggests A for a large client, naming the figure and the threshold', () => {
    const suggestion = suggestTier(facts({ contractValue12m: 120_000 }));
    expect(suggestion.tier).toBe('A');
    expect(suggestion.reasons).toEqual(['contract value over 12 months 120,000 ≥ 100,000']);
  });

  it('suggests A for a loyal and happy client, and both reasons when both hold', () => {
    expect(suggestTier(facts({ projects12m: 3, nps: 50 })).reasons).toEqual(['3 projects in 12 months (≥ 3) with NPS 50 (≥ 50)']);
    expect(suggestTier(facts({ contractValue12m: 100_000, projects12m: 4, nps: 60 })).reasons).toHaveLength(2);
    // Just below each line: not A.
    expect(suggestTier(facts({ contractValue12m: 99_999.99 })).tier).toBe('B');
    expect(suggestTier(facts({ projects12m: 3, nps: 49 })).tier).toBe('B');
    expect(suggestTier(facts({ projects12m: 3, nps: null })).tier).toBe('B');
  });

  it('suggests C for a small client or one costing more service than it is worth', () => {
    expect(suggestTier(facts({ contractValue12m: 19_999, projects12m: 1 }))).toMatchObject({ tier: 'C', reasons: ['contract value over 12 months 19,999 < 20,000 with 1 project'] });
    expect(suggestTier(facts({ contractValue12m: 0, projects12m: 0 })).reasons).toEqual(['contract value over 12 months 0 < 20,000 with 0 projects']);
    expect(suggestTier(facts({ complaints12m: 3, nps: -10 }))).toMatchObject({ tier: 'C', reasons: ['3 complaints in 12 months (≥ 3) with NPS -10 (< 0)'] });
    expect(suggestTier(facts({ contractValue12m: 19_999, projects12m: 2 })).tier).toBe('B');
    expect(suggestTier(facts({ complaints12m: 3, nps: 0 })).tier).toBe('B');
    expect(suggestTier(facts({ complaints12m: 5, nps: null })).tier).toBe('B');
  });

  it('lets A win over C: a large client with complaints needs more care, not less', () => {
    expect(suggestTier(facts({ contractValue12m: TIER_RULE.aValue, complaints12m: 9, nps: -80 })).tier).toBe('A');
  });

  it('says why B when nothing else holds, and returns the facts it judged', () => {
    const input = facts();
    expect(suggestTier(input)).toEqual({ tier: 'B', reasons: ['neither the tier-A nor the tier-C conditions are met: the standard process'], facts: input });
  });
});
