import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { PackagePolicy } from '../domain/packagePolicy.js';

/**
 * A service package the agency sells (Standard, Premium, Custom) and the policy it
 * promises now: its latest version. Every version, the first included, is kept in
 * `service_package_version`; a project records the version it started on.
 */
export const ServicePackage = defineEntity({
  name: 'ServicePackage',
  properties: {
    code: p.string().length(40).primary(),
    name: p.string().length(100),
    description: p.text(),
    /** The latest version's policy: what new projects get. */
    policy: p.json<PackagePolicy>(),
    /** The latest version's number: 1 as seeded, one more with each update. */
    version: p.integer().default(1),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type ServicePackage = InferEntity<typeof ServicePackage>;
