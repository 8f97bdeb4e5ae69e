import type { ServiceContext } from '../../platform/serviceContext.js';
import type { ClientTier } from '../domain/clientTier.js';
import { Client } from '../entities/index.js';

export interface CreateClient {
  name: string;
  tier: ClientTier;
  contactEmail?: string | null;
}

export async function createClient(ctx: ServiceContext, input: CreateClient): Promise<Client> {
  const client = ctx.em.create(Client, {
    name: input.name.trim(),
    tier: input.tier,
    contactEmail: input.contactEmail ?? null,
  });
  await ctx.em.flush();
  return client;
}

export async function findClient(ctx: ServiceContext, id: string): Promise<Client | null> {
  return ctx.em.findOne(Client, { id });
}
