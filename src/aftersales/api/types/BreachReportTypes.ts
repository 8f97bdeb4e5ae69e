import { DateTimeISOResolver } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../../platform/http/graphqlEnum.js';
import type { SlaClockName } from '../../domain/slaNotification.js';
import type { TicketStatus } from '../../domain/ticket.js';
import type { TicketCategory } from '../../domain/ticketCategory.js';
import type { TicketSeverity } from '../../domain/ticketSeverity.js';
import { BREACH_REPORT_GROUPS, type BreachReportGroup } from '../../services/breachReport.js';
import { SlaClockNameEnum, TicketCategoryEnum, TicketSeverityEnum, TicketStatusEnum } from '../enums.js';

export const BreachReportGroupEnum = graphqlEnum(BREACH_REPORT_GROUPS, 'BreachReportGroup', 'What the rows of the SLA breach report are grouped by: the ticket as the read model has it now.', {
  AGENT: "The ticket's assignee (key: username; null key and label (unassigned) for tickets nobody works).",
  TEAM: "The assignee's team (key: the team's name; null key and label (no team) when there is none).",
  CLIENT: "The ticket's client (key: the client's id; label: its name).",
});

@ObjectType('SlaBreachReportRow', { description: 'The SLA breaches and open overdue tickets of one agent, team or client in the report window.' })
export class SlaBreachReportRowType {
  @Field(() => String, { nullable: true, description: "The group: the assignee's username, the team's name or the client's id; null for tickets without an assignee (AGENT) or team (TEAM)." })
  key!: string | null;
  @Field(() => String, { description: "What to show for the group: the username, the team's name or the client's name; (unassigned) or (no team) for the null key." })
  label!: string;
  @Field(() => Int, { description: 'Breach records with their deadline in the window.' }) breaches!: number;
  @Field(() => Int, { description: 'Of those, how many are still owed: not met yet, on a ticket that is not CLOSED.' }) stillOwed!: number;
  @Field(() => Int, {
    description:
      'Open tickets (OPEN, WAITING_FOR_CLIENT) overdue now whose missed deadline is in the window: a running clock past due (counted even before its breach is recorded) or a breach still owed.',
  })
  openOverdue!: number;
  @Field(() => Float, { nullable: true, description: 'The largest lateness of those breaches, in minutes (2 decimals); null when the row has no breaches.' })
  worstLateMinutes!: number | null;
  @Field(() => Float, { nullable: true, description: 'The average lateness of those breaches, in minutes (2 decimals); null when the row has no breaches.' })
  averageLateMinutes!: number | null;
  @Field(() => Int, { description: 'Distinct tickets behind the row: with a breach in the window, or open overdue.' }) ticketsAffected!: number;
}

@ObjectType('SlaBreachReportItem', { description: 'One breach record of the report window, with its ticket as the read model has it now.' })
export class SlaBreachReportItemType {
  @Field(() => ID, { description: 'Identifier of the ticket (a UUID), for `ticket(id)`.' }) ticketId!: string;
  @Field(() => String, { description: "The ticket's title." }) title!: string;
  @Field(() => ID, { description: "Identifier of the ticket's client." }) clientId!: string;
  @Field(() => String, { description: "The client's name." }) clientName!: string;
  @Field(() => String, { nullable: true, description: 'Username of who works the ticket; null while nobody does.' }) assignee!: string | null;
  @Field(() => String, { nullable: true, description: "The assignee's team; null when none." }) team!: string | null;
  @Field(() => TicketSeverityEnum, { description: "The ticket's severity now." }) severity!: TicketSeverity;
  @Field(() => TicketCategoryEnum, { description: "The ticket's category." }) category!: TicketCategory;
  @Field(() => TicketStatusEnum, { description: "The ticket's status now." }) status!: TicketStatus;
  @Field(() => SlaClockNameEnum, { description: 'Which promise was broken.' }) clock!: SlaClockName;
  @Field(() => Int, { description: 'Which run of that clock.' }) round!: number;
  @Field(() => DateTimeISOResolver, { description: 'When it was due (the window selects breaches by it).' }) dueAt!: Date;
  @Field(() => DateTimeISOResolver, { description: 'When the workflow recorded the breach.' }) recordedAt!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the late response or resolution came; null while it has not.' }) metAt!: Date | null;
  @Field(() => Float, {
    description: 'How late, in minutes (2 decimals): until it was met; while still owed, until `asOf`; on a ticket CLOSED without it, until the ticket was closed.',
  })
  lateMinutes!: number;
  @Field(() => Boolean, { description: 'Whether the response or resolution is still owed: not met, and the ticket is not CLOSED.' }) stillOwed!: boolean;
}

/** The report's arguments and its instant; `rows` and `items` are resolved from them in BreachReportResolver, each only when asked for. */
@ObjectType('SlaBreachReport', { description: 'The SLA breach report for a window of deadlines (ADMIN, CSM); also as CSV at GET /reports/sla-breaches.csv.' })
export class SlaBreachReportType {
  @Field(() => BreachReportGroupEnum, { description: 'What `rows` are grouped by.' }) groupBy!: BreachReportGroup;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Start of the window (inclusive); null: no start.' }) from!: Date | null;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'End of the window (exclusive); null: no end.' }) to!: Date | null;
  @Field(() => DateTimeISOResolver, { description: 'The instant the report is as of: lateness of what is still owed, and which tickets are overdue.' }) asOf!: Date;
}

/** The arguments of `slaBreachReport`, in the order the schema lists them. */
@ArgsType()
export class SlaBreachReportArgs {
  @Field(() => BreachReportGroupEnum, { description: 'What `rows` are grouped by.' }) groupBy!: BreachReportGroup;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Only deadlines at or after this instant; no start when absent.' }) from?: Date | null;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Only deadlines before this instant; no end when absent.' }) to?: Date | null;
}
