import { UUIDResolver } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, Extensions, FieldResolver, Float, Mutation, Query, Resolver, Root } from 'type-graphql';
import { listRows } from '../../../platform/http/queryLimits.js';
import { ClientType } from '../../../catalog/api/types/ClientType.js';
import { ProjectType } from '../../../delivery/api/types/ProjectType.js';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import { ConnectionArgs, connectionOf, cursorParts, cursorShape, pageRequest, sortDirection } from '../../../platform/http/relay.js';
import type { Ticket, TicketMessage } from '../../entities/index.js';
import { DEFAULT_TICKET_ORDER, listTickets, ticketClocks, ticketKey, timeLeftMillis, type TicketKey } from '../../services/ticketQueries.js';
import { assignTicket, changeSeverity, findTicket, openTicket, reopenTicket, respondToTicket, setTicketStatus, TICKET_AGENTS, TICKET_OPENERS, TICKET_STAFF } from '../../services/ticketService.js';
import { AssignTicketInput, ChangeTicketSeverityInput, OpenTicketInput, ReopenTicketInput, RespondToTicketInput, SetTicketStatusInput } from '../inputs/ticketInputs.js';
import { TicketConnection, TicketFilterInput, TicketOrderInput } from '../types/TicketConnection.js';
import { SlaBreachType, SlaClockType, TicketMessageType, TicketType } from '../types/TicketType.js';

/** Every order's cursor: a timestamp, then the id. */
const TICKET_CURSOR = cursorShape<TicketKey>(cursorParts.timestamp, cursorParts.uuid);

/** Tickets: reading, listing and working them. Thin: the services check who may do what, route, and talk to the workflow. */
@Resolver(() => TicketType)
export class TicketResolver {
  @Authorized()
  @Query(() => TicketType, { nullable: true, description: "A ticket; null when it does not exist or the viewer may not see it (a CLIENT sees only its own client's)." })
  ticket(@Arg('id', () => UUIDResolver, { description: 'Id of the ticket.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return findTicket(ctx, id);
  }

  @Authorized()
  @Query(() => TicketConnection, {
    description:
      "The tickets the viewer may see (a CLIENT: its own client's), a page at a time (`first`/`after`, `last`/`before`; at most 100, 20 by default). Most urgent first (earliest running deadline) unless `orderBy` says otherwise; `filter: { open: true }` is a CSM's queue.",
  })
  async tickets(
    @Arg('orderBy', () => TicketOrderInput, { nullable: true, description: 'How the list is sorted; ties are broken by id.' }) orderBy: TicketOrderInput | null,
    @Arg('filter', () => TicketFilterInput, { nullable: true, description: 'Only the tickets that match; all of them when absent.' }) filter: TicketFilterInput | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const order = orderBy ? { field: orderBy.field, direction: sortDirection(orderBy.direction) } : DEFAULT_TICKET_ORDER;
    const { page, countTotal } = await listTickets(ctx, filter ?? {}, order, pageRequest(args, TICKET_CURSOR));
    return connectionOf(page, (ticket) => ticketKey(ticket, order.field), countTotal);
  }

  @Authorized(TICKET_OPENERS)
  @Mutation(() => TicketType, {
    description:
      "Opens a ticket on a project (a CLIENT on its own; a CSM or ADMIN on a client's behalf): routed to the client's dedicated CSM (tier A) or the least-loaded CSM, judged by the SLA policy in force with the project's package and add-on overrides, its clocks started in its own workflow. Answers once the ticket is written. Retry with the same `idempotencyKey` to get the same ticket.",
  })
  openTicket(@Arg('input', () => OpenTicketInput, { description: 'The ticket.' }) input: OpenTicketInput, @Ctx() ctx: GraphQLContext) {
    return openTicket(ctx, input);
  }

  @Authorized([...TICKET_AGENTS, 'CLIENT'])
  @Mutation(() => TicketType, {
    description:
      "Adds a message. Only an agent's PUBLIC_REPLY counts as a response (it meets the first or next response); an INTERNAL_NOTE (agents only) answers nothing and the client never sees it; a client's message after the first response starts the next-response clock. TICKET_CLOSED on a closed ticket; STATUS_CONFLICT (REOPEN_FIRST) for a client message on a resolved one.",
  })
  respondToTicket(@Arg('input', () => RespondToTicketInput, { description: 'The ticket and the message.' }) input: RespondToTicketInput, @Ctx() ctx: GraphQLContext) {
    return respondToTicket(ctx, input);
  }

  @Authorized(TICKET_AGENTS)
  @Mutation(() => TicketType, {
    description:
      "Moves a ticket to another status (CSM, ADMIN): WAITING_FOR_CLIENT pauses the next-response and resolution clocks in business time, OPEN resumes them, RESOLVED stops them, CLOSED ends the ticket. STATUS_CONFLICT when the status does not allow it.",
  })
  setTicketStatus(@Arg('input', () => SetTicketStatusInput, { description: 'The ticket and its new status.' }) input: SetTicketStatusInput, @Ctx() ctx: GraphQLContext) {
    return setTicketStatus(ctx, input);
  }

  @Authorized([...TICKET_AGENTS, 'CLIENT'])
  @Mutation(() => TicketType, {
    description: "Reopens a resolved ticket (CSM, ADMIN, or the ticket's client): the resolution clock runs on with the time it had used; STATUS_CONFLICT (NOT_RESOLVED) otherwise.",
  })
  reopenTicket(@Arg('input', () => ReopenTicketInput, { description: 'The ticket and why.' }) input: ReopenTicketInput, @Ctx() ctx: GraphQLContext) {
    return reopenTicket(ctx, input);
  }

  @Authorized(TICKET_AGENTS)
  @Mutation(() => TicketType, { description: 'Gives a ticket to a CSM or an ADMIN (CSM, ADMIN); warnings go to the new assignee from then on.' })
  assignTicket(@Arg('input', () => AssignTicketInput, { description: 'The ticket and who gets it.' }) input: AssignTicketInput, @Ctx() ctx: GraphQLContext) {
    return assignTicket(ctx, input);
  }

  @Authorized(TICKET_AGENTS)
  @Mutation(() => TicketType, {
    description:
      "Changes a ticket's severity (CSM, ADMIN): its targets are resolved again; the clocks keep their start, the time used and paused and the alerts already sent; answered clocks keep their promise.",
  })
  changeTicketSeverity(@Arg('input', () => ChangeTicketSeverityInput, { description: 'The ticket and its new severity.' }) input: ChangeTicketSeverityInput, @Ctx() ctx: GraphQLContext) {
    return changeSeverity(ctx, input);
  }

  @FieldResolver(() => ProjectType, { description: 'The project the ticket is about.' })
  async project(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.projectOfTicket.load(ticket.project.id);
  }

  @FieldResolver(() => ClientType, { description: 'The client whose ticket it is.' })
  async client(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.client.load(ticket.client.id);
  }

  @FieldResolver(() => [SlaClockType], { description: 'Every SLA clock run as of now, in clock order, computed in business time on the ticket\'s calendar with the same functions its workflow uses.' })
  // First response, next response and resolution: one run each, more only once a reply reopens next response.
  @Extensions(listRows(3))
  clocks(@Root() ticket: Ticket) {
    return ticketClocks(ticket);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: "Business time left on the most urgent running clock as of now, in milliseconds; negative (minus how late) once it is overdue; null when no clock runs unpaused.",
  })
  timeLeftMillis(@Root() ticket: Ticket) {
    return timeLeftMillis(ticket);
  }

  @Authorized(TICKET_STAFF)
  @FieldResolver(() => String, { description: 'Agency staff only (ADMIN, LEAD, CSM): why these targets, the policy version and the rule or default that set them.' })
  slaExplanation(@Root() ticket: Ticket) {
    return ticket.slaState.explanation;
  }

  @FieldResolver(() => Boolean, {
    description: "Whether the SLA policy offers self-service before a person picks the ticket up (SYSTEM questions as shipped): a portal shows its self-service help first. The clocks run as for any ticket.",
  })
  selfServiceFirst(@Root() ticket: Ticket) {
    return ticket.slaState.selfServiceFirst ?? false;
  }

  @Extensions(listRows(3))
  @FieldResolver(() => [SlaBreachType], { description: 'Every breached clock run, oldest first, with how late it was and when it was finally met.' })
  breaches(@Root() ticket: Ticket) {
    return ticket.slaState.breaches.map((b) => ({ ...b, dueAt: new Date(b.dueAt), recordedAt: new Date(b.recordedAt), metAt: b.metAt === null ? null : new Date(b.metAt) }));
  }

  @Extensions(listRows(10))
  @FieldResolver(() => [TicketMessageType], { description: 'The messages, oldest first; a CLIENT sees only public replies.' })
  async messages(@Root() ticket: Ticket, @Ctx() ctx: GraphQLContext): Promise<TicketMessage[]> {
    const messages = await ctx.loaders.messagesOfTicket.load(ticket.id);
    return ctx.viewer?.role === 'CLIENT' ? messages.filter((m) => m.kind === 'PUBLIC_REPLY') : messages;
  }
}
