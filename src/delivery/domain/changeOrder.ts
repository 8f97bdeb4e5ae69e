import type { PackagePolicy } from '../../catalog/domain/packagePolicy.js';

/** The service-cap clause: going past an included cap needs an approved change order. */
export const CHANGE_ORDER_KINDS = ['EXTRA_RESEARCH', 'EXTRA_ITERATION', 'SCOPE'] as const;
export type ChangeOrderKind = (typeof CHANGE_ORDER_KINDS)[number];

export const CHANGE_ORDER_STATUSES = ['REQUESTED', 'APPROVED', 'REJECTED'] as const;
export type ChangeOrderStatus = (typeof CHANGE_ORDER_STATUSES)[number];

export interface ChangeOrderState {
  id: string;
  kind: ChangeOrderKind;
  status: ChangeOrderStatus;
  reason: string;
  amount: number;
}

export interface Caps {
  researchSessions: number;
  iterationRounds: number;
}

/** The caps in force: what the policy (with add-ons) includes plus one per approved change order of the kind. */
export function capsOf(policy: PackagePolicy, changeOrders: readonly ChangeOrderState[]): Caps {
  const approved = (kind: ChangeOrderKind) => changeOrders.filter((o) => o.kind === kind && o.status === 'APPROVED').length;
  return {
    researchSessions: policy.includedResearchSessions + approved('EXTRA_RESEARCH'),
    iterationRounds: policy.includedIterationRounds + approved('EXTRA_ITERATION'),
  };
}
