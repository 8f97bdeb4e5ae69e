import type { QBFilterQuery } from '@mikro-orm/postgresql';
import { readableClientIds, requireViewer } from '../../identity/services/access.js';
import { escapeLike, keysetOperator, pageOf, queryDirection, type Page, type PageRequest } from '../../platform/pagination.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import type { ClientTier } from '../domain/clientTier.js';
import { Client } from '../entities/index.js';

/** A client's place in the list of clients, sorted by name then id. */
export type ClientKey = [name: string, id: string];

/** Narrows the list of clients; every criterion given must hold. */
export interface ClientFilter {
  /** Case-insensitive substring of the name, taken literally (`%` and `_` match themselves). */
  nameContains?: string | null;
  /** Any of these tiers (an empty list for none). */
  tier?: readonly ClientTier[] | null;
}

export function clientKey(client: Client): ClientKey {
  return [client.name, client.id];
}

export interface ClientList {
  page: Page<Client>;
  /** Counts every client the filter and the viewer's scope admit (one statement, run only when called). */
  countTotal: () => Promise<number>;
}

/** One keyset page of the clients the viewer may read (a CLIENT user: only its own), by name then id. */
export async function listClients(ctx: ServiceContext, filter: ClientFilter, request: PageRequest<ClientKey>): Promise<ClientList> {
  const scope = readableClientIds(requireViewer(ctx));
  const conditions: QBFilterQuery<Client>[] = [];
  if (scope) conditions.push({ id: { $in: scope } });
  if (filter.nameContains) conditions.push({ name: { $ilike: `%${escapeLike(filter.nameContains)}%` } });
  if (filter.tier) conditions.push({ tier: { $in: [...filter.tier] } });
  const where: QBFilterQuery<Client> = conditions.length > 0 ? { $and: conditions } : {};

  const direction = queryDirection(request, 'asc');
  const qb = ctx.em.createQueryBuilder(Client, 'c').select('*').where(where);
  for (const bound of ['after', 'before'] as const) {
    const key = request[bound];
    if (key) qb.andWhere(`(c.name, c.id) ${keysetOperator(bound, 'asc')} (?, ?)`, [key[0], key[1]]);
  }
  const fetched = await qb
    .orderBy([{ name: direction }, { id: direction }])
    .limit(request.size + 1)
    .getResult();
  return { page: pageOf(request, fetched), countTotal: () => ctx.em.createQueryBuilder(Client, 'c').where(where).getCount() };
}
