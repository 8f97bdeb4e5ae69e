import { DateTimeISOResolver } from 'graphql-scalars';
import { Authorized, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { TICKET_STAFF } from '../../services/ticketService.js';
import { NodeInterface } from '../../../platform/http/node.js';
import type { SlaClockName, SlaNotificationKind } from '../../domain/slaNotification.js';
import type { AuthorRole, MessageKind, TicketChannel, TicketStatus } from '../../domain/ticket.js';
import type { TicketCategory } from '../../domain/ticketCategory.js';
import type { TicketSeverity } from '../../domain/ticketSeverity.js';
import { AuthorRoleEnum, MessageKindEnum, SlaAlertKindEnum, SlaClockNameEnum, TicketCategoryEnum, TicketChannelEnum, TicketSeverityEnum, TicketStatusEnum } from '../enums.js';

/** An after-sales ticket as the read model shows it; clocks, messages and relations are resolved in TicketResolver. */
@ObjectType('Ticket', {
  description: "An after-sales ticket under its response SLA; a CLIENT sees only its own client's tickets, a CSM works them.",
  implements: NodeInterface,
})
export class TicketType {
  @Field(() => ID, { description: 'Identifier of the ticket (a UUID), for `ticket(id)`, every ticket mutation and `node(id)`.' }) id!: string;
  @Field(() => String, { description: 'What the ticket is about, in a line.' }) title!: string;
  @Field(() => String, { description: 'The problem as the opener described it (may be empty).' }) description!: string;
  @Field(() => TicketChannelEnum, { description: 'How the ticket reached the agency.' }) channel!: TicketChannel;
  @Field(() => TicketSeverityEnum, { description: 'How urgent it is now (a severity change resolves the targets again).' }) severity!: TicketSeverity;
  @Field(() => TicketCategoryEnum, { description: 'What it is about.' }) category!: TicketCategory;
  @Field(() => TicketStatusEnum, { description: 'Where it is in its life.' }) status!: TicketStatus;
  @Field(() => Int, { description: 'How many users the problem affects (0 when unknown).' }) affectedUsers!: number;
  @Field(() => String, { nullable: true, description: 'Username of who works it; null while nobody does.' }) assignee!: string | null;
  @Authorized(TICKET_STAFF)
  @Field(() => String, { nullable: true, description: "Agency staff only (ADMIN, LEAD, CSM): the assignee's team when last changed; null when none." })
  team!: string | null;
  @Field(() => String, { description: 'Username of who opened it.' }) openedBy!: string;
  @Field(() => DateTimeISOResolver, { description: 'When it was opened: every clock of the first round starts here.' }) openedAt!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When it was closed; null while it is not.' }) closedAt!: Date | null;
  @Field(() => Int, { description: 'The SLA policy version it is judged by (stamped when it opened).' }) policyVersion!: number;
  @Field(() => Boolean, { description: 'Whether any of its SLA clocks breached (the `SlaBreached` search attribute in the Temporal UI).' }) slaBreached!: boolean;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'The earliest deadline of a running, unpaused clock when last written; null when none runs. Lists sort by it.' })
  nextDueAt!: Date | null;
  @Field(() => DateTimeISOResolver, { description: 'When the read model last changed it.' }) updatedAt!: Date;
}

@ObjectType('SlaClock', { description: "One run of a ticket's SLA clock, as of the moment it was read: business time used and left on the ticket's calendar." })
export class SlaClockType {
  @Field(() => SlaClockNameEnum, { description: 'Which promise it measures.' }) clock!: SlaClockName;
  @Field(() => Int, { description: '1 for the first response and the resolution; 2, 3, ... for next responses.' }) round!: number;
  @Field(() => Float, { description: 'The business time promised, in milliseconds.' }) targetMillis!: number;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When it is (or was) due; null while a pause stops it (waiting for the client).' }) dueAt!: Date | null;
  @Field(() => Float, { description: 'Business time used so far (up to its stop), in milliseconds; paused time does not count.' }) usedMillis!: number;
  @Field(() => Float, { description: 'Business time left before it is due, in milliseconds (0 once breached).' }) remainingMillis!: number;
  @Field(() => Boolean, { description: 'Whether it is past due (as of now, or when it stopped).' }) breached!: boolean;
  @Field(() => Float, { description: 'How late it is (wall-clock milliseconds since it was due); 0 unless breached.' }) lateByMillis!: number;
  @Field(() => Boolean, { description: 'Whether a pause (waiting for the client) stops it now.' }) paused!: boolean;
  @Field(() => Boolean, { description: 'Whether it still runs; false once answered, resolved or closed.' }) running!: boolean;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When it stopped for good; null while it runs.' }) stoppedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'What stopped it: RESPONSE (met by a reply), RESOLVED or CLOSED; null while it runs.' })
  stoppedBy!: string | null;
}

@ObjectType('SlaBreach', { description: 'A breached SLA clock run, as the ticket workflow recorded it when the deadline passed.' })
export class SlaBreachType {
  @Field(() => SlaClockNameEnum, { description: 'Which promise was broken.' }) clock!: SlaClockName;
  @Field(() => Int, { description: 'Which run of that clock.' }) round!: number;
  @Field(() => DateTimeISOResolver, { description: 'When it was due.' }) dueAt!: Date;
  @Field(() => DateTimeISOResolver, { description: 'When the workflow recorded the breach (and sent its alert).' }) recordedAt!: Date;
  @Field(() => Float, { description: 'How late the clock was when the breach was recorded, in milliseconds.' }) lateByMillis!: number;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the late response or resolution finally came; null while it is still owed.' }) metAt!: Date | null;
}

@ObjectType('TicketMessage', { description: 'A message on a ticket; a CLIENT sees only public replies.' })
export class TicketMessageType {
  @Field(() => ID, { description: 'Identifier of the message (a UUID).' }) id!: string;
  @Field(() => MessageKindEnum, { description: 'A public reply or an internal note.' }) kind!: MessageKind;
  @Field(() => AuthorRoleEnum, { description: 'Which side wrote it.' }) authorRole!: AuthorRole;
  @Field(() => String, { description: 'Username of who wrote it.' }) author!: string;
  @Field(() => String, { description: 'The text.' }) body!: string;
  @Field(() => DateTimeISOResolver, { description: 'When it was added.' }) createdAt!: Date;
}

@ObjectType('SlaAlert', { description: 'An SLA warning, escalation or breach as the ticket workflow sends it (also to the log and the webhook).' })
export class SlaAlertType {
  @Field(() => String, { description: 'Unique per ticket, clock run and threshold: the same on every retry (the webhook sends it as X-Sop-Delivery).' }) deliveryId!: string;
  @Field(() => SlaAlertKindEnum, { description: 'Warning, lead-time warning or breach.' }) kind!: SlaNotificationKind;
  @Field(() => SlaClockNameEnum, { description: 'Which promise.' }) clock!: SlaClockName;
  @Field(() => Int, { description: 'Which run of the clock.' }) round!: number;
  @Field(() => Int, { description: '1 (assignee), 2 (client\'s CSM) or 3 (ADMIN).' }) escalationLevel!: number;
  @Field(() => [String], { description: 'Who is told at this level: usernames, and `ADMIN` for every ADMIN.' }) recipients!: string[];
  @Field(() => DateTimeISOResolver, { description: 'When the threshold was reached.' }) thresholdAt!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the clock is (or was) due; null while paused.' }) dueAt!: Date | null;
  @Field(() => Float, { description: 'For a breach, how late the clock already was when it was sent (milliseconds); 0 otherwise.' }) lateByMillis!: number;
  @Field(() => String, { description: 'One readable line.' }) summary!: string;
  @Field(() => TicketType, { description: 'The ticket as the read model shows it now.' }) ticket!: TicketType;
}
