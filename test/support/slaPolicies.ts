import { DEFAULT_SLA_POLICY, type SlaPolicy, type SlaTargets } from '../../src/aftersales/domain/slaPolicy.js';
import type { TestApplication } from './testApplication.js';

/**
 * Puts an SLA policy version in force the way an ADMIN's edit does: the next version row.
 * Written directly because the API takes whole minutes and tests need seconds.
 */
export async function putPolicyInForce(app: Pick<TestApplication, 'sql'>, policy: Omit<SlaPolicy, 'version'>): Promise<number> {
  const next = (await app.sql<{ next: number }>('select coalesce(max(version), 0) + 1 as next from sla_policy_version'))[0]!.next;
  await app.sql(`insert into sla_policy_version (version, policy, package_overrides, add_on_overrides, created_by, created_at) values ($1, $2, '{}', '{}', 'test', now())`, [
    next,
    JSON.stringify({ ...policy, version: next }),
  ]);
  return next;
}

/** The seeded policy with these targets for every severity and no category rules. */
export function uniformPolicy(targets: SlaTargets): Omit<SlaPolicy, 'version'> {
  return { ...DEFAULT_SLA_POLICY, defaults: { LOW: targets, MEDIUM: targets, HIGH: targets }, rules: [] };
}
