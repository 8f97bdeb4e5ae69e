import { canReadClient, requireRole, requireViewer } from '../../identity/services/access.js';
import { User } from '../../identity/entities/index.js';
import { DomainError } from '../../platform/domainError.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import type { ClientTier } from '../domain/clientTier.js';
import { Client } from '../entities/index.js';

export interface CreateClient {
  name: string;
  tier: ClientTier;
  contactEmail?: string | null;
  /** Username of a CSM: the client's dedicated customer-success manager. */
  dedicatedCsm?: string | null;
}

export async function createClient(ctx: ServiceContext, input: CreateClient): Promise<Client> {
  requireRole(ctx, ['ADMIN', 'LEAD']);
  if (input.dedicatedCsm && !(await ctx.em.count(User, { username: input.dedicatedCsm, role: 'CSM' }))) {
    throw new DomainError('INVALID_INPUT', `${input.dedicatedCsm} is not a CSM.`, { field: 'dedicatedCsm' });
  }
  const client = ctx.em.create(Client, {
    name: input.name.trim(),
    tier: input.tier,
    contactEmail: input.contactEmail ?? null,
    dedicatedCsm: input.dedicatedCsm ?? null,
  });
  await ctx.em.flush();
  return client;
}

/** The client if the viewer may read it: staff read every client, a CLIENT user only its own. */
export async function findClient(ctx: ServiceContext, id: string): Promise<Client | null> {
  const viewer = requireViewer(ctx);
  return canReadClient(viewer, id) ? ctx.em.findOne(Client, { id }) : null;
}
