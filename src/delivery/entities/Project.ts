import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { PackagePolicy } from '../../catalog/domain/packagePolicy.js';
import { SOP_STAGES } from '../domain/sopStage.js';
import { initialSopState, type SopState } from '../domain/sopState.js';
import { AddOnPack } from '../../catalog/entities/AddOnPack.js';
import { Client } from '../../catalog/entities/Client.js';
import { ServicePackage } from '../../catalog/entities/ServicePackage.js';

/**
 * A client project: the read model of its SOP workflow (`stage`, counters, timeline)
 * plus what the agency sold (package, add-ons). The workflow owns the SOP fields; they
 * change only through the projection activity.
 */
export const Project = defineEntity({
  name: 'Project',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    name: p.string().length(200),
    client: () => p.manyToOne(Client),
    servicePackage: () => p.manyToOne(ServicePackage),
    addOns: () => p.manyToMany(AddOnPack),
    projectLead: p.string().length(200),
    stagingUrl: p.string().length(2048).nullable(),
    workflowId: p.string().length(100).unique(),
    /** The package policy with add-ons applied, as handed to the workflow at start. */
    policy: p.json<PackagePolicy>(),
    /*
     * Parts of `policy` that the dashboard averages over thousands of projects, copied out by
     * Postgres on every write (stored generated columns): reading them does not decompress
     * each whole policy. Lazy: the entity does not load them.
     */
    /** `policy.costShareGuardrails`: the cost-share range per guarded phase. */
    costShareGuardrails: p
      .json<PackagePolicy['costShareGuardrails']>()
      .nullable()
      .lazy()
      .generated(`(policy->'costShareGuardrails') stored`),
    /** `policy.minCommunicationRounds`. */
    minCommunicationRounds: p.double().nullable().lazy().generated(`((policy->>'minCommunicationRounds')::float8) stored`),
    /** The version of the package's policy the project started on (`service_package_version`); it keeps it to the end. */
    policyVersion: p.integer().default(1),
    /** The version of each add-on pack bought, by code; null for projects made before add-ons had versions (all version 1). */
    addOnVersions: p.json<Record<string, number>>().nullable(),
    /** When the agency promised to deliver (acceptance); null when none was promised. On-time delivery is judged against it. */
    plannedDeliveryAt: p.datetime().nullable(),
    /** Contract value, for cost shares per phase; null while not agreed. */
    contractValue: p.decimal('number').precision(12).scale(2).nullable(),
    stage: p.enum(SOP_STAGES),
    /** The workflow's state as of `projectedSeq`: counters, caps in use, timers' status. */
    sopState: p.json<SopState>().onCreate(() => initialSopState()),
    /** Sequence number of the last workflow event applied here; older events never overwrite newer ones. */
    projectedSeq: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  // By client for lists and scope; by client and creation for the dashboard's renewals (a client's next project).
  // Lists are keyset pages in (sort, id) order: one index per sort, so a page is an index range, not a sort of every row.
  indexes: [
    { properties: ['client'] },
    { properties: ['client', 'createdAt'] },
    { properties: ['createdAt', 'id'] },
    { properties: ['updatedAt', 'id'] },
    { properties: ['name', 'id'] },
  ],
});

export type Project = InferEntity<typeof Project>;
