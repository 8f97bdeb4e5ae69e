import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { PackagePolicy } from '../domain/packagePolicy.js';

/** A service package the agency sells (Standard, Premium, Custom) and the policy it promises. */
export const ServicePackage = defineEntity({
  name: 'ServicePackage',
  properties: {
    code: p.string().length(40).primary(),
    name: p.string().length(100),
    description: p.text(),
    policy: p.json<PackagePolicy>(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type ServicePackage = InferEntity<typeof ServicePackage>;
