import { createHash, randomUUID } from 'node:crypto';
import { canReadClient, requireRole, requireViewer } from '../../identity/services/access.js';
import type { Role, Viewer } from '../../identity/domain/role.js';
import { User } from '../../identity/entities/index.js';
import { Project } from '../../delivery/entities/index.js';
import { DomainError } from '../../platform/domainError.js';
import { claimIdempotencyKey, completeIdempotencyKey, resultIdOfKey } from '../../platform/idempotency/idempotencyKeys.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import { routeTicket } from '../domain/slaPolicy.js';
import {
  checkTicketOpening,
  type MessageKind,
  type TicketChannel,
  type TicketOpening,
  type TicketStatus,
  type TicketTransitionName,
  type TicketTransitions,
  type TicketViolation,
} from '../domain/ticket.js';
import type { TicketCategory } from '../domain/ticketCategory.js';
import type { TicketSeverity } from '../domain/ticketSeverity.js';
import { Ticket } from '../entities/index.js';
import { calendarFor, currentSlaPolicy, latestCalendar, slaOverridesFor } from './slaSettings.js';
import { DEFAULT_SLA_ALERTING } from '../domain/slaAlerting.js';
import type { BusinessCalendar } from '../domain/businessCalendar.js';
import { openTicketWorkflow, sendTicketUpdate } from './ticketWorkflows.js';

/**
 * Tickets as their users work them. A CLIENT opens tickets on its own client's projects,
 * reads them and replies publicly, and may reopen one that was resolved; a CSM (and an
 * ADMIN) works every ticket: replies and internal notes, status, assignment, severity.
 * Project leads read tickets but do not work them. Every change goes to the ticket's
 * workflow, which applies it, writes the read model and only then answers: what these
 * return is read back from the read model.
 */

/** The agency's side: sees how its tickets are judged and routed (rules, teams), not only the promise. */
export const TICKET_STAFF: readonly Role[] = ['ADMIN', 'LEAD', 'CSM'];
/** Who works tickets (writes internal notes, changes status, assignment and severity). */
export const TICKET_AGENTS: readonly Role[] = ['ADMIN', 'CSM'];
/** Who opens tickets: a client for itself, or an agent on a client's behalf (a phone call, say). */
export const TICKET_OPENERS: readonly Role[] = ['ADMIN', 'CSM', 'CLIENT'];
/** Who may be assigned a ticket. */
const ASSIGNABLE: readonly Role[] = ['CSM', 'ADMIN'];
/** Statuses in which a ticket counts towards its assignee's load. */
const OPEN_STATUSES: readonly TicketStatus[] = ['OPEN', 'WAITING_FOR_CLIENT'];

const ticketNotFound = (id: string) => new DomainError('NOT_FOUND', `Ticket ${id} does not exist.`, { entity: 'Ticket', id });

/** The ticket, if the viewer may read it (staff: every ticket; a CLIENT: its own client's). */
export async function findTicket(ctx: ServiceContext, ticketId: string): Promise<Ticket | null> {
  const viewer = requireViewer(ctx);
  const ticket = await ctx.em.findOne(Ticket, { id: ticketId });
  return ticket && canReadClient(viewer, ticket.client.id) ? ticket : null;
}

/** The ticket, or NOT_FOUND when it does not exist or the viewer may not read it (the same answer, so ids leak nothing). */
export async function requireTicket(ctx: ServiceContext, ticketId: string): Promise<Ticket> {
  const ticket = await findTicket(ctx, ticketId);
  if (!ticket) throw ticketNotFound(ticketId);
  return ticket;
}

/** The read model after a change: a fresh session, so nothing cached from before it is shown. */
async function reread(ctx: ServiceContext, ticketId: string): Promise<Ticket> {
  const ticket = await ctx.em.fork().findOne(Ticket, { id: ticketId });
  if (!ticket) throw new DomainError('WORKFLOW_UNAVAILABLE', `Ticket ${ticketId} is not written yet; try again with the same idempotency key.`);
  return ticket;
}

/** A UUID derived from a ticket and an idempotency key: a retried reply stores its message once. */
function stableUuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The key as stored and as the update's id: the caller's key within the caller's own
 * namespace, so one client's keys can neither be seen nor blocked by another's (clients
 * choose keys too, unlike the SOP's staff-only actions).
 */
function ownedKey(viewer: Viewer, key: string | null | undefined): string | null {
  return key ? `tk:${createHash('sha256').update(`${viewer.userId}\u0000${key}`).digest('base64url')}` : null;
}

function refuse(violation: TicketViolation | null): void {
  if (violation) throw new DomainError(violation.code, violation.message, { rule: violation.rule, ...(violation.field ? { field: violation.field } : {}) });
}

export interface OpenTicket {
  projectId: string;
  title: string;
  description: string;
  severity: TicketSeverity;
  category: TicketCategory;
  channel: TicketChannel;
  /** How many users the problem affects (0 when unknown); incidents affecting many get a faster promise. */
  affectedUsers: number;
  /** Open it waiting for the client (its clocks that pause, paused from the start). */
  waitingForClient?: boolean | null;
  idempotencyKey?: string | null;
}

/**
 * Who gets a new ticket: routeTicket over every CSM's open tickets (the client's dedicated
 * CSM for the tiers the policy routes to one). One statement.
 */
async function csmLoads(ctx: ServiceContext): Promise<Map<string, number>> {
  const rows = await ctx.em.getConnection().execute<{ username: string; open: string }[]>(
    `select u.username, count(t.id) as open from app_user u left join ticket t on t.assignee = u.username and t.status in (?) where u.role = 'CSM' group by u.username`,
    [[...OPEN_STATUSES]],
  );
  return new Map(rows.map((row) => [row.username, Number(row.open)]));
}

/** The business hours of the people a ticket's warnings go to: the assignee's team's, else the agency's; null when neither has a calendar. */
async function recipientsCalendar(ctx: ServiceContext, team: string | null): Promise<BusinessCalendar | null> {
  const found = (team ? await latestCalendar(ctx.em, 'TEAM', team) : null) ?? (await latestCalendar(ctx.em, 'AGENCY', ''));
  return found?.calendar ?? null;
}

/**
 * Opens a ticket: routes it, resolves the SLA policy in force with the project's package
 * and add-on overrides and the calendar it counts in, and starts its workflow with its
 * first state in one call. With an idempotency key (scope: the project) a retry answers
 * the same ticket; the key on a different request is IDEMPOTENCY_KEY_REUSED.
 */
export async function openTicket(ctx: ServiceContext, input: OpenTicket): Promise<Ticket> {
  const viewer = requireRole(ctx, TICKET_OPENERS);
  const project = await ctx.em.findOne(Project, { id: input.projectId }, { populate: ['client', 'addOns'] });
  if (!project || !canReadClient(viewer, project.client.id)) throw new DomainError('NOT_FOUND', `Project ${input.projectId} does not exist.`, { entity: 'Project', id: input.projectId });

  const key = ownedKey(viewer, input.idempotencyKey);
  let ticketId: string = randomUUID();
  if (key) {
    const { idempotencyKey: _key, ...request } = input;
    await claimIdempotencyKey(ctx.em, { key, scope: project.id, operation: 'openTicket', input: { ...request, by: viewer.username } });
    ticketId = await resultIdOfKey(ctx.em, key);
    const existing = await ctx.em.fork().findOne(Ticket, { id: ticketId });
    if (existing) return existing;
  }

  const client = project.client;
  const version = await currentSlaPolicy(ctx.em);
  const assignee = routeTicket({ tier: client.tier, category: input.category, dedicatedCsm: client.dedicatedCsm, csmOpenCounts: await csmLoads(ctx) }, version.policy.routing);
  const team = assignee ? ((await ctx.em.findOne(User, { username: assignee }))?.team ?? null) : null;
  const opening: TicketOpening = {
    ticketId,
    projectId: project.id,
    clientId: client.id,
    tier: client.tier,
    severity: input.severity,
    category: input.category,
    affectedUsers: input.affectedUsers,
    assignee,
    clientCsm: client.dedicatedCsm,
    status: input.waitingForClient ? 'WAITING_FOR_CLIENT' : 'OPEN',
    title: input.title.trim(),
    description: input.description,
    channel: input.channel,
    openedBy: viewer.username,
  };
  refuse(checkTicketOpening(opening));
  const alerting = ctx.slaAlerting ?? DEFAULT_SLA_ALERTING;
  const warningsIn = alerting.warningsInBusinessHours ? await recipientsCalendar(ctx, team) : null;
  await openTicketWorkflow(ctx.temporal, ctx.taskQueue, {
    ticket: opening,
    policy: version.policy,
    overrides: slaOverridesFor(version, project.servicePackage.code, project.addOns.getItems().map((a) => a.code)),
    calendar: await calendarFor(ctx.em, { clientId: client.id, team }),
    warnShare: alerting.warnShare,
    leadTimeMillis: alerting.leadTimeMillis,
    ...(warningsIn ? { warningsIn } : {}),
  });
  if (key) await completeIdempotencyKey(ctx.em, key);
  return reread(ctx, ticketId);
}

/** Sends an update to a ticket the viewer may read, with its idempotency key claimed, and reads the ticket back. */
async function update<N extends TicketTransitionName>(
  ctx: ServiceContext,
  ticket: Ticket,
  name: N,
  payload: TicketTransitions[N],
  callerKey: string | null | undefined,
): Promise<Ticket> {
  const idempotencyKey = ownedKey(requireViewer(ctx), callerKey);
  if (idempotencyKey) {
    await claimIdempotencyKey(ctx.em, { key: idempotencyKey, scope: ticket.id, operation: name, input: payload });
  }
  await sendTicketUpdate(ctx.temporal, ticket.id, name, payload, idempotencyKey);
  if (idempotencyKey) await completeIdempotencyKey(ctx.em, idempotencyKey);
  return reread(ctx, ticket.id);
}

/** A ticket the viewer may act on as an agent (ADMIN, CSM). */
async function requireAgentTicket(ctx: ServiceContext, ticketId: string): Promise<{ viewer: Viewer; ticket: Ticket }> {
  const viewer = requireRole(ctx, TICKET_AGENTS);
  return { viewer, ticket: await requireTicket(ctx, ticketId) };
}

export interface RespondToTicket {
  ticketId: string;
  kind: MessageKind;
  body: string;
  idempotencyKey?: string | null;
}

/**
 * Adds a message. An agent's public reply answers the client (it meets the first or next
 * response); an internal note does not, and the client never sees one. A client's public
 * message after the first response starts the next-response clock.
 */
export async function respondToTicket(ctx: ServiceContext, input: RespondToTicket): Promise<Ticket> {
  const viewer = requireRole(ctx, [...TICKET_AGENTS, 'CLIENT']);
  const ticket = await requireTicket(ctx, input.ticketId);
  if (viewer.role === 'CLIENT' && input.kind !== 'PUBLIC_REPLY') {
    throw new DomainError('FORBIDDEN', 'Only agents write internal notes.', { rule: 'CLIENT_INTERNAL_NOTE', field: 'kind' });
  }
  const messageId = input.idempotencyKey ? stableUuid(ticket.id, input.idempotencyKey) : randomUUID();
  return update(
    ctx,
    ticket,
    'respondToTicket',
    { actor: viewer.username, kind: input.kind, authorRole: viewer.role === 'CLIENT' ? 'CLIENT' : 'AGENT', messageId, body: input.body },
    input.idempotencyKey,
  );
}

/** Moves a ticket to another status (agents): WAITING_FOR_CLIENT pauses its clocks, RESOLVED stops them, CLOSED ends it. */
export async function setTicketStatus(ctx: ServiceContext, input: { ticketId: string; status: TicketStatus; idempotencyKey?: string | null }): Promise<Ticket> {
  const { viewer, ticket } = await requireAgentTicket(ctx, input.ticketId);
  return update(ctx, ticket, 'setTicketStatus', { actor: viewer.username, status: input.status }, input.idempotencyKey);
}

/**
 * Reopens a resolved ticket (agents, or the ticket's client): the resolution clock runs on
 * with the time it had used; reopened by the client, a response is owed again (a
 * next-response clock); the reason is added as a message.
 */
export async function reopenTicket(ctx: ServiceContext, input: { ticketId: string; reason?: string | null; idempotencyKey?: string | null }): Promise<Ticket> {
  const viewer = requireRole(ctx, [...TICKET_AGENTS, 'CLIENT']);
  const ticket = await requireTicket(ctx, input.ticketId);
  const authorRole = viewer.role === 'CLIENT' ? 'CLIENT' : 'AGENT';
  // The reason becomes a message on the ticket, stored once even when the call is retried.
  const reason = input.reason ? { reason: input.reason, messageId: input.idempotencyKey ? stableUuid(ticket.id, input.idempotencyKey) : randomUUID() } : {};
  return update(ctx, ticket, 'reopenTicket', { actor: viewer.username, authorRole, ...reason }, input.idempotencyKey);
}

/** Gives a ticket to a CSM or an ADMIN (agents). */
export async function assignTicket(ctx: ServiceContext, input: { ticketId: string; assignee: string; idempotencyKey?: string | null }): Promise<Ticket> {
  const { viewer, ticket } = await requireAgentTicket(ctx, input.ticketId);
  const assignee = await ctx.em.findOne(User, { username: input.assignee });
  if (!assignee || !ASSIGNABLE.includes(assignee.role)) {
    throw new DomainError('INVALID_INPUT', `${input.assignee} is not a user who works tickets (${ASSIGNABLE.join(' or ')}).`, { field: 'assignee' });
  }
  return update(ctx, ticket, 'assignTicket', { actor: viewer.username, assignee: assignee.username }, input.idempotencyKey);
}

/** Changes a ticket's severity (agents): its targets are resolved again, time already used and paused is kept. */
export async function changeSeverity(ctx: ServiceContext, input: { ticketId: string; severity: TicketSeverity; idempotencyKey?: string | null }): Promise<Ticket> {
  const { viewer, ticket } = await requireAgentTicket(ctx, input.ticketId);
  return update(ctx, ticket, 'changeSeverity', { actor: viewer.username, severity: input.severity }, input.idempotencyKey);
}
