import { defineSignal, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { CLIENT_TIERS, type ClientTier } from '../src/catalog/domain/clientTier.js';
import { ClientTierKey } from './searchAttributes.js';

/**
 * A client's tier changed: its running workflows (projects, tickets) show the new tier in
 * their `ClientTier` search attribute, so ops' filters stay true. What a workflow already
 * promised (a ticket's SLA targets, a project's policy) does not change.
 */
export const clientTierChangedSignal = defineSignal<[{ tier: ClientTier }]>('clientTierChanged');

/** Installs the handler: a tier that is not A, B or C (any client may signal) is ignored. */
export function followClientTier(): void {
  setHandler(clientTierChangedSignal, (change) => {
    if (typeof change?.tier === 'string' && (CLIENT_TIERS as readonly string[]).includes(change.tier)) {
      upsertSearchAttributes([{ key: ClientTierKey, value: change.tier }]);
    }
  });
}
