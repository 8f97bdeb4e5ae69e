import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import { ConnectionArgs, connectionOf, cursorParts, cursorShape, pageRequest } from '../../../platform/http/relay.js';
import { TEXT_LIMITS } from '../../../shared/domain/storable.js';
import { clientKey, listClients, type ClientKey } from '../../services/clientQueries.js';
import { ClientConnection, ClientFilterInput } from '../types/ClientConnection.js';
import { ClientType } from '../types/ClientType.js';

/** A client cursor: the name, then the id. */
const CLIENT_CURSOR = cursorShape<ClientKey>(cursorParts.text(TEXT_LIMITS.name), cursorParts.uuid);

/** The list of clients as a Relay connection. Thin: the service pages, filters and scopes. */
@Resolver(() => ClientType)
export class ClientListResolver {
  @Authorized()
  @Query(() => ClientConnection, {
    description:
      'The clients the viewer may see (a CLIENT user: only its own), by name then id, a page at a time: `first`/`after` forward, `last`/`before` backward (at most 100; 20 by default).',
  })
  async clients(
    // Parameters are listed in reverse of the schema's argument order (decorators apply last first).
    @Arg('filter', () => ClientFilterInput, { nullable: true, description: 'Only the clients that match; all of them when absent.' })
    filter: ClientFilterInput | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { page, countTotal } = await listClients(ctx, filter ?? {}, pageRequest(args, CLIENT_CURSOR));
    return connectionOf(page, clientKey, countTotal);
  }
}
