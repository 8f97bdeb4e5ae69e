import { ArrayMaxSize } from 'class-validator';
import { UUIDResolver } from 'graphql-scalars';
import { Arg, Authorized, Field, InputType, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { SubscriptionContext } from '../../../platform/http/subscriptionServer.js';
import type { SlaNotificationKind } from '../../domain/slaNotification.js';
import { MAX_ALERT_FILTER_VALUES, watchSlaAlerts, type SlaAlert } from '../../services/slaAlertsService.js';
import { TICKET_AGENTS } from '../../services/ticketService.js';
import { SlaAlertKindEnum } from '../enums.js';
import { SlaAlertType } from '../types/TicketType.js';

type Subscribe<Args> = SubscribeResolverData<unknown, Args, SubscriptionContext>;

@InputType('SlaAlertFilter', { description: 'Which SLA alerts to deliver; every part given must hold.' })
export class SlaAlertFilterInput {
  @Field(() => Boolean, { nullable: true, description: 'Only alerts that name the viewer (as assignee or client CSM; an ADMIN also gets breaches).' })
  mine?: boolean | null;

  @Field(() => [SlaAlertKindEnum], { nullable: true, description: 'Only these kinds.' })
  @ArrayMaxSize(MAX_ALERT_FILTER_VALUES)
  kinds?: SlaNotificationKind[] | null;

  @Field(() => [UUIDResolver], { nullable: true, description: 'Only alerts on these clients’ tickets, by id.' })
  @ArrayMaxSize(MAX_ALERT_FILTER_VALUES)
  clientIds?: string[] | null;
}

/** The `slaAlerts` subscription over graphql-ws: thin, the scope and filter are the service's. */
@Resolver()
export class SlaAlertsResolver {
  @Authorized(TICKET_AGENTS)
  @Subscription(() => SlaAlertType, {
    description:
      'Each SLA warning, lead-time warning and breach as the ticket workflows send them (CSM, ADMIN), within about a second; at most once, so a client that reconnects re-reads `tickets`.',
    subscribe: ({ args, context }: Subscribe<{ filter?: SlaAlertFilterInput | null }>) => watchSlaAlerts(context, context.liveEvents, args.filter ?? {}),
  })
  slaAlerts(
    @Root() alert: SlaAlert,
    @Arg('filter', () => SlaAlertFilterInput, { nullable: true, description: 'Which alerts to deliver; every one the viewer may see when omitted.' })
    _filter?: SlaAlertFilterInput | null,
  ) {
    return {
      ...alert,
      recipients: alert.recipients.map((r) => r.username ?? r.role),
      thresholdAt: new Date(alert.thresholdAt),
      dueAt: alert.dueAt === null ? null : new Date(alert.dueAt),
      ticket: alert.ticketRow,
    };
  }
}
