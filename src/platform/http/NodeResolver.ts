import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { DomainError } from '../domainError.js';
import type { GraphQLContext } from './graphqlContext.js';
import { decodeGlobalId, encodeGlobalId, markNodeType, MAX_NODE_IDS, NodeInterface, type NodeLookup } from './node.js';
import { isUuid } from '../../shared/domain/uuid.js';

/** A row of the statement that finds which UUID-keyed type each UUID is of. */
interface UuidOwner {
  type: string;
  id: string;
  key: string;
}

/**
 * The resolver of `node(id)`, `nodes(ids)` and every opaque `Node.id`, over the lookups
 * the contexts describe (their `api/nodes.ts`); composed in ./graphqlSchema.ts.
 *
 * UUIDs are looked up in all UUID-keyed tables at once, in one `union all` statement
 * (one for a whole `nodes` call), which says the type and the key parts; every object is
 * then loaded through its context's service, under the same row scope as the direct
 * queries. An id that is neither a UUID nor an opaque id made here answers null, like an
 * id of nothing or of something the viewer may not read: `node` never tells them apart.
 */
export function createNodeResolver(lookups: readonly NodeLookup[]) {
  const byType = new Map<string, NodeLookup>();
  for (const lookup of lookups) {
    if (!/^[A-Za-z]+$/.test(lookup.type) || byType.has(lookup.type) || !lookup.uuid === !lookup.keyOf) {
      throw new Error(`Node lookup ${lookup.type} must be named once and have either a UUID table or keyOf.`);
    }
    byType.set(lookup.type, lookup);
  }
  const uuidLookups = lookups.filter((lookup) => lookup.uuid);
  // Type names, tables and key expressions are constants of the code; the ids are parameters.
  const uuidOwners = uuidLookups
    .map(
      ({ type, uuid }) =>
        `select '${type}' as type, id::text as id, ${uuid!.key} as key from "${uuid!.table}" where id = any(string_to_array(?, ',')::${uuid!.idColumn}[])`,
    )
    .join(' union all ');

  async function loadNodes(ctx: GraphQLContext, ids: readonly string[]): Promise<(object | null)[]> {
    const uuids = [...new Set(ids.filter((id) => isUuid(id)).map((id) => id.toLowerCase()))];
    const owners = new Map<string, UuidOwner>();
    if (uuids.length > 0 && uuidLookups.length > 0) {
      const rows = await ctx.em.execute<UuidOwner[]>(uuidOwners, uuidLookups.map(() => uuids.join(',')));
      for (const row of rows) if (!owners.has(row.id)) owners.set(row.id, row);
    }
    return Promise.all(
      ids.map(async (id) => {
        let lookup: NodeLookup | undefined;
        let parts: string[];
        if (isUuid(id)) {
          const owner = owners.get(id.toLowerCase());
          if (!owner) return null;
          lookup = byType.get(owner.type);
          parts = owner.key.split(':');
        } else {
          const decoded = decodeGlobalId(id);
          lookup = decoded ? byType.get(decoded.type) : undefined;
          if (!decoded || !lookup?.keyOf) return null;
          parts = decoded.parts;
        }
        const value = await lookup!.load(ctx, parts);
        return value ? markNodeType(value, lookup!.type) : null;
      }),
    );
  }

  @Resolver(() => NodeInterface)
  class NodeResolver {
    @Authorized()
    @Query(() => NodeInterface, {
      nullable: true,
      description:
        'Any object with a global id (Relay `node`), read with the same access as its own query: null when the id names nothing, is not a global id, or names something the viewer may not read.',
    })
    async node(@Arg('id', () => ID, { description: 'A global id, as some `id` field of a `Node` gave it.' }) id: string, @Ctx() ctx: GraphQLContext) {
      const [found] = await loadNodes(ctx, [id]);
      return found ?? null;
    }

    @Authorized()
    @Query(() => [NodeInterface], {
      nullable: 'items',
      description: `Several objects by their global ids (Relay \`nodes\`), in the order asked, each null as \`node\` would answer it. At most ${MAX_NODE_IDS} ids.`,
    })
    nodes(@Arg('ids', () => [ID], { description: `Global ids, at most ${MAX_NODE_IDS}.` }) ids: string[], @Ctx() ctx: GraphQLContext) {
      if (ids.length > MAX_NODE_IDS) {
        throw new DomainError('INVALID_INPUT', `Ask for at most ${MAX_NODE_IDS} ids at once; ${ids.length} were given.`, { field: 'ids', max: MAX_NODE_IDS });
      }
      return loadNodes(ctx, ids);
    }

    /** The opaque id of a type keyed by anything but a UUID (those declare their own `id`). */
    @FieldResolver(() => ID)
    id(@Root() row: object, @Info() info: GraphQLResolveInfo): string {
      const lookup = byType.get(info.parentType.name);
      if (!lookup?.keyOf) throw new Error(`${info.parentType.name} implements Node without a node lookup that makes its id.`);
      return encodeGlobalId(lookup.type, lookup.keyOf(row));
    }
  }
  return NodeResolver;
}
