/**
 * Which tier a client's own data suggests (seed 001: A strategic clients get custom service
 * and a dedicated CSM, B the standard process, C self-service). A suggestion only: an ADMIN
 * decides, and every change is kept with who and why (src/insights/services/clientTiers.ts).
 *
 * The rule, first match wins, each reason stated with the numbers that met it:
 *
 * - **A** when the contract value over the last 12 months reaches TIER_RULE.aValue, or the
 *   client started TIER_RULE.aProjects projects in that time with an NPS of at least
 *   TIER_RULE.aNps: a strategic client is one that is large, or loyal and happy.
 * - **C** when the contract value stays under TIER_RULE.cValue with at most one project, or
 *   the client complained TIER_RULE.cComplaints times or more with a negative NPS: small, or
 *   costing more service than it is worth.
 * - **B** otherwise.
 *
 * An NPS with no scores is unknown (null) and meets no condition that needs one.
 */
import type { ClientTier } from '../../catalog/domain/clientTier.js';

export interface ClientFacts {
  /** Sum of the contract values of projects started in the last 12 months. */
  contractValue12m: number;
  /** Projects started in the last 12 months. */
  projects12m: number;
  /** Net promoter score (promoters − detractors, in %, −100 to 100) of the client's service reviews; null with none. */
  nps: number | null;
  /** How many service-review scores the NPS is computed from. */
  npsResponses: number;
  /** Complaint tickets opened in the last 12 months. */
  complaints12m: number;
}

export const TIER_RULE = Object.freeze({ aValue: 100_000, aProjects: 3, aNps: 50, cValue: 20_000, cComplaints: 3 });

export interface TierSuggestion {
  tier: ClientTier;
  /** Why, one sentence per condition met (or why the default applies). */
  reasons: string[];
  facts: ClientFacts;
}

const money = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** The tier `facts` suggest, with the reasons. Pure. */
export function suggestTier(facts: ClientFacts): TierSuggestion {
  const a: string[] = [];
  if (facts.contractValue12m >= TIER_RULE.aValue) a.push(`contract value over 12 months ${money(facts.contractValue12m)} ≥ ${money(TIER_RULE.aValue)}`);
  if (facts.projects12m >= TIER_RULE.aProjects && facts.nps !== null && facts.nps >= TIER_RULE.aNps) {
    a.push(`${facts.projects12m} projects in 12 months (≥ ${TIER_RULE.aProjects}) with NPS ${facts.nps} (≥ ${TIER_RULE.aNps})`);
  }
  if (a.length > 0) return { tier: 'A', reasons: a, facts };

  const c: string[] = [];
  if (facts.contractValue12m < TIER_RULE.cValue && facts.projects12m <= 1) {
    c.push(`contract value over 12 months ${money(facts.contractValue12m)} < ${money(TIER_RULE.cValue)} with ${facts.projects12m} project${facts.projects12m === 1 ? '' : 's'}`);
  }
  if (facts.complaints12m >= TIER_RULE.cComplaints && facts.nps !== null && facts.nps < 0) {
    c.push(`${facts.complaints12m} complaints in 12 months (≥ ${TIER_RULE.cComplaints}) with NPS ${facts.nps} (< 0)`);
  }
  if (c.length > 0) return { tier: 'C', reasons: c, facts };

  return { tier: 'B', reasons: ['neither the tier-A nor the tier-C conditions are met: the standard process'], facts };
}

/** NPS from 0–10 scores: % promoters (9–10) minus % detractors (0–6), rounded to a whole number; null with no scores. */
export function netPromoterScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return Math.round(((promoters - detractors) / scores.length) * 100);
}
