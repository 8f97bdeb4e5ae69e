import { ArrayMaxSize, MaxLength } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { ConnectionType, EdgeType, MAX_FILTER_VALUES } from '../../../platform/http/relay.js';
import { TEXT_LIMITS } from '../../../shared/domain/storable.js';
import type { ClientTier } from '../../domain/clientTier.js';
import { ClientTierEnum } from '../enums.js';
import { ClientType } from './ClientType.js';

@ObjectType('ClientEdge', { description: 'A client in a list, with its cursor.' })
export class ClientEdge extends EdgeType(ClientType, 'The client.') {}

@ObjectType('ClientConnection', { description: 'A page of clients (a Relay connection), by name: the edges, where the page lies, and how many match in all.' })
export class ClientConnection extends ConnectionType(ClientEdge, 'How many clients the viewer may see match the filter, on every page together.') {}

@InputType('ClientFilter', { description: 'Narrows the list of clients: every criterion given must hold.' })
export class ClientFilterInput {
  @Field(() => String, {
    nullable: true,
    description: 'Clients whose name contains this text, ignoring case; `%` and `_` are matched literally. At most 200 characters.',
  })
  @MaxLength(TEXT_LIMITS.name)
  nameContains?: string | null;

  @Field(() => [ClientTierEnum], { nullable: true, description: 'Clients of any of these tiers; an empty list matches nothing.' })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  tier?: ClientTier[] | null;
}
