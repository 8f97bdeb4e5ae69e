import { Max, MaxLength, Min, MinLength } from 'class-validator';
import { UUIDResolver } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { IdempotentInput } from '../../../platform/http/IdempotentInput.js';
import { TICKET_BODY_MAX, TICKET_TITLE_MAX, type MessageKind, type TicketChannel, type TicketStatus } from '../../domain/ticket.js';
import type { TicketCategory } from '../../domain/ticketCategory.js';
import type { TicketSeverity } from '../../domain/ticketSeverity.js';
import { MessageKindEnum, TicketCategoryEnum, TicketChannelEnum, TicketSeverityEnum, TicketStatusEnum } from '../enums.js';

@InputType({ description: 'A new after-sales ticket.' })
export class OpenTicketInput extends IdempotentInput {
  @Field(() => UUIDResolver, { description: 'The project the ticket is about (a CLIENT: one of its own).' }) projectId!: string;
  @Field(() => String, { description: `What it is about, in a line (1-${TICKET_TITLE_MAX} characters).` }) @MinLength(1) @MaxLength(TICKET_TITLE_MAX) title!: string;
  @Field(() => String, { defaultValue: '', description: `The problem in full (at most ${TICKET_BODY_MAX} characters).` }) @MaxLength(TICKET_BODY_MAX) description!: string;
  @Field(() => TicketSeverityEnum, { description: 'How urgent it is.' }) severity!: TicketSeverity;
  @Field(() => TicketCategoryEnum, { description: 'What it is about: decides the SLA targets with the severity.' }) category!: TicketCategory;
  @Field(() => TicketChannelEnum, { defaultValue: 'PORTAL', description: 'How it reached the agency; PORTAL by default.' }) channel!: TicketChannel;
  @Field(() => Int, { defaultValue: 0, description: 'How many users the problem affects (0 when unknown); an incident affecting 10 or more gets the 1-hour public response.' })
  @Min(0)
  @Max(2_147_483_647)
  affectedUsers!: number;
  @Field(() => Boolean, { nullable: true, description: 'Open it already waiting for the client (its pausable clocks paused from the start).' })
  waitingForClient?: boolean | null;
}

@InputType({ description: 'A message on a ticket.' })
export class RespondToTicketInput extends IdempotentInput {
  @Field(() => UUIDResolver, { description: 'The ticket.' }) ticketId!: string;
  @Field(() => MessageKindEnum, { defaultValue: 'PUBLIC_REPLY', description: "PUBLIC_REPLY (the client sees it; an agent's answers the client) or INTERNAL_NOTE (agents only)." })
  kind!: MessageKind;
  @Field(() => String, { description: `The text (1-${TICKET_BODY_MAX} characters).` }) @MinLength(1) @MaxLength(TICKET_BODY_MAX) body!: string;
}

@InputType({ description: "A change of a ticket's status." })
export class SetTicketStatusInput extends IdempotentInput {
  @Field(() => UUIDResolver, { description: 'The ticket.' }) ticketId!: string;
  @Field(() => TicketStatusEnum, { description: 'The new status; a resolved ticket is reopened with reopenTicket instead.' }) status!: TicketStatus;
}

@InputType({ description: 'Reopening a resolved ticket.' })
export class ReopenTicketInput extends IdempotentInput {
  @Field(() => UUIDResolver, { description: 'The ticket.' }) ticketId!: string;
  @Field(() => String, { nullable: true, description: 'Why (at most 4000 characters).' }) @MaxLength(4000) reason?: string | null;
}

@InputType({ description: 'Giving a ticket to someone.' })
export class AssignTicketInput extends IdempotentInput {
  @Field(() => UUIDResolver, { description: 'The ticket.' }) ticketId!: string;
  @Field(() => String, { description: 'Username of a CSM or an ADMIN.' }) @MinLength(1) @MaxLength(100) assignee!: string;
}

@InputType({ description: "A change of a ticket's severity." })
export class ChangeTicketSeverityInput extends IdempotentInput {
  @Field(() => UUIDResolver, { description: 'The ticket.' }) ticketId!: string;
  @Field(() => TicketSeverityEnum, { description: 'The new severity; the targets are resolved again, time already used and paused is kept.' }) severity!: TicketSeverity;
}

