import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { SlaPolicy, SlaRule } from '../domain/slaPolicy.js';

/**
 * One version of the agency's SLA policy, never changed once written: an ADMIN's edit
 * adds the next one, and the highest is in force. A ticket keeps the version it opened
 * under (its workflow got the policy then; `ticket.policy_version` says which).
 */
export const SlaPolicyVersion = defineEntity({
  name: 'SlaPolicyVersion',
  properties: {
    version: p.integer().primary().autoincrement(false),
    /** The policy itself; `policy.version` equals `version`. */
    policy: p.json<SlaPolicy>(),
    /** Override rules per service package code, ahead of the policy's rules for that package's projects. */
    packageOverrides: p.json<Record<string, SlaRule[]>>(),
    /** Override rules per add-on pack code, ahead of the package's: an add-on bought on top wins. */
    addOnOverrides: p.json<Record<string, SlaRule[]>>(),
    /** Username of the ADMIN who wrote it; `seed` for the shipped default. */
    createdBy: p.string().length(200),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type SlaPolicyVersion = InferEntity<typeof SlaPolicyVersion>;
