import { ArrayMaxSize, MaxLength } from 'class-validator';
import { UUIDResolver } from 'graphql-scalars';
import { Field, InputType, ObjectType } from 'type-graphql';
import { ConnectionType, EdgeType, MAX_FILTER_VALUES, OrderDirectionEnum, type OrderDirection } from '../../../platform/http/relay.js';
import { TEXT_LIMITS } from '../../../shared/domain/storable.js';
import type { TicketStatus } from '../../domain/ticket.js';
import type { TicketCategory } from '../../domain/ticketCategory.js';
import type { TicketSeverity } from '../../domain/ticketSeverity.js';
import type { TicketOrderField } from '../../services/ticketQueries.js';
import { TicketCategoryEnum, TicketOrderFieldEnum, TicketSeverityEnum, TicketStatusEnum } from '../enums.js';
import { TicketType } from './TicketType.js';

@ObjectType('TicketEdge', { description: 'A ticket in a list, with its cursor.' })
export class TicketEdge extends EdgeType(TicketType, 'The ticket.') {}

@ObjectType('TicketConnection', { description: 'A page of tickets (a Relay connection): the edges, where the page lies, and how many match in all.' })
export class TicketConnection extends ConnectionType(TicketEdge, 'How many tickets the viewer may see match the filter, on every page together.') {}

@InputType('TicketOrder', { description: 'How a list of tickets is sorted.' })
export class TicketOrderInput {
  @Field(() => TicketOrderFieldEnum, { description: 'What to sort by.' })
  field!: TicketOrderField;

  @Field(() => OrderDirectionEnum, { description: 'Which way.' })
  direction!: OrderDirection;
}

@InputType('TicketFilter', { description: 'Narrows a list of tickets: every criterion given must hold. A list criterion holds for any of its values; an empty list matches nothing.' })
export class TicketFilterInput {
  @Field(() => Boolean, { nullable: true, description: 'true: only tickets that are OPEN or WAITING_FOR_CLIENT; false: only RESOLVED or CLOSED ones.' })
  open?: boolean | null;

  @Field(() => [TicketStatusEnum], { nullable: true, description: 'Tickets in any of these statuses.' })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  status?: TicketStatus[] | null;

  @Field(() => [TicketSeverityEnum], { nullable: true, description: 'Tickets of any of these severities.' })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  severity?: TicketSeverity[] | null;

  @Field(() => [TicketCategoryEnum], { nullable: true, description: 'Tickets of any of these categories.' })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  category?: TicketCategory[] | null;

  @Field(() => [UUIDResolver], { nullable: true, description: 'Tickets on any of these projects, by id.' })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  projectId?: string[] | null;

  @Field(() => [UUIDResolver], { nullable: true, description: 'Tickets of any of these clients, by id.' })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  clientId?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Tickets assigned to any of these users, by username.' })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(TEXT_LIMITS.name, { each: true })
  assignee?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Tickets of any of these teams (the assignee's team)." })
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(100, { each: true })
  team?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only tickets with a breached SLA clock; false: only tickets without one.' })
  slaBreached?: boolean | null;
}
