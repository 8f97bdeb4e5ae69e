import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { PackagePolicy } from '../domain/packagePolicy.js';
import { ServicePackage } from './ServicePackage.js';

/**
 * One version of a package's policy, never changed once written: an ADMIN's update adds
 * the next one. Projects started on a version keep its numbers (their workflow got the
 * policy when it started); `project.policy_version` says which.
 */
export const ServicePackageVersion = defineEntity({
  name: 'ServicePackageVersion',
  properties: {
    servicePackage: () => p.manyToOne(ServicePackage).primary(),
    version: p.integer().primary(),
    policy: p.json<PackagePolicy>(),
    /** Username of the ADMIN who made it; `seed` for the shipped defaults. */
    createdBy: p.string().length(200),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  primaryKeys: ['servicePackage', 'version'],
});

export type ServicePackageVersion = InferEntity<typeof ServicePackageVersion>;
