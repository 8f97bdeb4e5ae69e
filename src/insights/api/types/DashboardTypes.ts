import { DateTimeISOResolver, UUIDResolver } from 'graphql-scalars';
import { MaxLength } from 'class-validator';
import { Authorized, Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { TicketSeverityEnum } from '../../../aftersales/api/enums.js';
import type { TicketSeverity } from '../../../aftersales/domain/ticketSeverity.js';
import { ClientTierEnum } from '../../../catalog/api/enums.js';
import type { ClientTier } from '../../../catalog/domain/clientTier.js';
import { ChangeOrderKindEnum, CostPhaseEnum } from '../../../delivery/api/enums.js';
import type { ChangeOrderKind } from '../../../delivery/domain/changeOrder.js';
import type { CostPhase } from '../../../delivery/domain/costShare.js';
import { graphqlEnum } from '../../../platform/http/graphqlEnum.js';
import { TEXT_LIMITS } from '../../../shared/domain/storable.js';
import { COST_SHARE_READERS, DASHBOARD_UNITS, type DashboardUnit } from '../../services/dashboard.js';

export const DashboardUnitEnum = graphqlEnum(DASHBOARD_UNITS, 'DashboardUnit', 'What a dashboard figure is measured in.', {
  DAYS: 'Days (fractional, 86 400 s each).',
  ROUNDS: 'Communication rounds.',
  RATIO: 'A share between 0 and 1 (multiply by 100 for %).',
  COUNT: 'A number of things.',
  MONEY: 'An amount in the contract currency.',
  NPS: 'Net promoter score: promoters (9–10) minus detractors (0–6) in % of responses, −100 to 100.',
  PER_PROJECT: 'A count per project.',
  HOURS: 'Hours.',
  DAYS_PER_ROUND: 'Days of development per extra communication round (a slope).',
  NPS_POINTS: 'A difference of net promoter scores, in points.',
});

@ObjectType('DashboardFigure', { description: 'A value and how many observations it rests on.' })
export class DashboardFigureType {
  @Field(() => Float, { nullable: true, description: 'The value; null when there is nothing to compute it from.' }) value!: number | null;
  @Field(() => Int, { description: 'How many observations (projects, events, tickets, responses) the value rests on; the indicator says which.' }) sampleSize!: number;
}

@ObjectType('DashboardIndicator', { description: 'One indicator of the service value dashboard over the period, with the previous period of the same length for comparison.' })
export class DashboardIndicatorType {
  @Field(() => Int, { description: "The indicator's number in the dashboard, 1 to 12 (issue 10)." }) indicator!: number;
  @Field(() => DashboardUnitEnum, { description: 'What `value`, `previous.value` and `reference` are measured in.' }) unit!: DashboardUnit;
  @Field(() => Float, { nullable: true, description: 'The value over [from, to); null when there is nothing to compute it from.' }) value!: number | null;
  @Field(() => Int, { description: 'How many observations the value rests on.' }) sampleSize!: number;
  @Field(() => DashboardFigureType, { description: 'The same figure over the previous period [previousFrom, from).' }) previous!: DashboardFigureType;
  @Field(() => Float, { nullable: true, description: 'Relative change from the previous period: (value − previous) / previous; null when either is missing or the previous value is 0.' })
  change!: number | null;
  @Field(() => Float, { nullable: true, description: 'What the value is measured against, where there is something: the average package minimum (communication rounds), the guardrail maximum (cost shares).' })
  reference!: number | null;
  @Field(() => Float, { nullable: true, description: "The lower end when the reference is a range: a cost-share guardrail's minimum (a share below it is outside the guardrail too); null otherwise." })
  referenceMin!: number | null;
  @Field(() => String, { nullable: true, description: 'What to keep in mind reading the value (e.g. renewals of recent closings are still open); null when nothing.' }) note!: string | null;
}

@ObjectType('DashboardChangeOrders', { description: 'Change orders of one kind (indicator 6).' })
export class DashboardChangeOrdersType {
  @Field(() => ChangeOrderKindEnum, { description: 'The cap kind.' }) kind!: ChangeOrderKind;
  @Field(() => DashboardIndicatorType, { description: 'Change orders requested in the period (COUNT).' }) requested!: DashboardIndicatorType;
  @Authorized(COST_SHARE_READERS)
  @Field(() => DashboardIndicatorType, {
    nullable: true,
    description: 'Agency staff only (ADMIN, LEAD), like change-order amounts: sum of the amounts of change orders approved in the period (MONEY); sampleSize: how many were approved.',
  })
  approvedValue!: DashboardIndicatorType | null;
}

@ObjectType('DashboardFirstResponse', { description: 'First-response SLA hit rate of one ticket severity (indicator 8).' })
export class DashboardFirstResponseType {
  @Field(() => TicketSeverityEnum, { description: 'The severity.' }) severity!: TicketSeverity;
  @Field(() => DashboardIndicatorType, { description: 'Share of decided first responses answered within target (RATIO); sampleSize: decided tickets.' }) hitRate!: DashboardIndicatorType;
}

@ObjectType('DashboardCostShare', { description: 'Cost share of one guarded phase against its guardrail (indicator 12).' })
export class DashboardCostShareType {
  @Field(() => CostPhaseEnum, { description: 'The phase.' }) phase!: CostPhase;
  @Field(() => DashboardIndicatorType, {
    description: "Average over projects closed in the period (with a contract value) of the phase's costs / contract value (RATIO); `reference`/`referenceMin`: the guardrail's maximum and minimum; sampleSize: projects.",
  })
  share!: DashboardIndicatorType;
}

@ObjectType('DashboardRelationGroup', { description: 'One group of a compared relation.' })
export class DashboardRelationGroupType {
  @Field(() => String, { description: 'Which group (WITHIN_90_DAYS, LATER).' }) group!: string;
  @Field(() => Float, { nullable: true, description: "The group's value (an NPS); null when the group is empty." }) value!: number | null;
  @Field(() => Int, { description: 'How many observations the group has.' }) sampleSize!: number;
}

@ObjectType('DashboardRelation', { description: 'A relation the seeds claim, computed from the agency data: an estimate with its 95 % confidence interval.' })
export class DashboardRelationType {
  @Field(() => Float, { nullable: true, description: 'The estimate (slope or difference); null when it cannot be computed.' }) estimate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Lower end of the 95 % confidence interval; null when it cannot be computed.' }) lower!: number | null;
  @Field(() => Float, { nullable: true, description: 'Upper end of the 95 % confidence interval; null when it cannot be computed.' }) upper!: number | null;
  @Field(() => Int, { description: 'How many observations the estimate rests on (points, or responses of both groups).' }) sampleSize!: number;
  @Field(() => Boolean, { description: 'False below the minimum sample (`minimumSample`): the figures are shown, but not to be relied on.' }) enoughData!: boolean;
  @Field(() => Int, { description: 'The minimum sample: points of a slope, or responses per group of a difference.' }) minimumSample!: number;
  @Field(() => DashboardUnitEnum, { description: 'What the estimate is measured in.' }) unit!: DashboardUnit;
  @Field(() => [DashboardRelationGroupType], { description: 'The compared groups (empty for a slope).' }) groups!: DashboardRelationGroupType[];
  @Field(() => String, { description: 'How exactly the relation is computed.' }) definition!: string;
}

@ObjectType('ServiceDashboard', {
  description:
    'The service value dashboard: twelve indicators and two relations over [from, to), computed in SQL over the read model, each indicator with the previous period of the same length. How each figure is counted: src/insights/services/dashboard.ts.',
})
export class ServiceDashboardType {
  @Field(() => DateTimeISOResolver, { description: 'Start of the period (inclusive).' }) from!: Date;
  @Field(() => DateTimeISOResolver, { description: 'End of the period (exclusive).' }) to!: Date;
  @Field(() => DateTimeISOResolver, { description: 'Start of the previous period [previousFrom, from), as long as this one.' }) previousFrom!: Date;
  @Field(() => DateTimeISOResolver, { description: 'The instant the dashboard is as of (which running first-response clocks are overdue).' }) asOf!: Date;
  @Field(() => DashboardIndicatorType, { description: '1. Median days from project creation to requirements sign-off, over projects signed off in the period (target 7 → 3).' })
  requirementCycleDays!: DashboardIndicatorType;
  @Field(() => DashboardIndicatorType, { description: '2. Average communication rounds at sign-off; `reference`: the average package minimum of the same projects.' })
  communicationRounds!: DashboardIndicatorType;
  @Field(() => DashboardIndicatorType, { description: '3. Review rounds submitted in the period per project that had one.' }) reviewRoundsPerProject!: DashboardIndicatorType;
  @Field(() => DashboardIndicatorType, { description: '3. Share of those review rounds attended by at least one client attendee; sampleSize: rounds.' }) clientAttendanceRate!: DashboardIndicatorType;
  @Field(() => DashboardIndicatorType, { description: '4. GAP results over all results of validation days completed in the period; sampleSize: results.' }) validationGapRate!: DashboardIndicatorType;
  @Field(() => DashboardIndicatorType, { description: "5. Share of projects whose first stress-test verdict (in the period) was a pass." }) stressTestFirstPassRate!: DashboardIndicatorType;
  @Field(() => [DashboardChangeOrdersType], { description: '6. Change orders per cap kind: requested (count) and approved (value) in the period.' }) changeOrders!: DashboardChangeOrdersType[];
  @Field(() => DashboardIndicatorType, { description: '7. On-time delivery rate: projects accepted in the period with a planned delivery date, share accepted on or before it.' }) onTimeDeliveryRate!: DashboardIndicatorType;
  @Field(() => DashboardIndicatorType, {
    description:
      '8. First-response SLA hit rate of tickets opened in the period, all severities. ALWAYS targets are judged in wall-clock time; BUSINESS_HOURS targets by the workflow\'s breach records (no FIRST_RESPONSE breach = hit).',
  })
  firstResponseHitRate!: DashboardIndicatorType;
  @Field(() => [DashboardFirstResponseType], { description: '8. The same per severity.' }) firstResponseHitRateBySeverity!: DashboardFirstResponseType[];
  @Field(() => DashboardIndicatorType, { description: "9. Median first-response time in business hours: tickets opened in the period and answered, on each ticket's calendar." }) medianFirstResponseHours!: DashboardIndicatorType;
  @Field(() => DashboardIndicatorType, { description: '10. COMPLAINT tickets opened in the period per project active in it; `change`: against the previous period.' }) complaintRate!: DashboardIndicatorType;
  @Field(() => DashboardIndicatorType, {
    description: "10. The complaint rate over the last 7 days before `to`; `previous` the 7 days before them, so `change` is the weekly change (a rise of 20 % is the risk signal's).",
  })
  complaintRateLastWeek!: DashboardIndicatorType;
  @Field(() => DashboardIndicatorType, { description: '11. Net promoter score of service reviews submitted in the period.' }) nps!: DashboardIndicatorType;
  @Field(() => DashboardIndicatorType, { description: '11. Share of clients with a project closed in the period that started another within 12 months of the closing.' }) renewalRate!: DashboardIndicatorType;
  @Authorized(COST_SHARE_READERS)
  @Field(() => [DashboardCostShareType], { nullable: true, description: '12. Cost share per guarded phase against its guardrail (ADMIN, LEAD).' })
  costShares!: DashboardCostShareType[] | null;
  @Field(() => DashboardRelationType, { description: 'Development days per extra communication round: least-squares slope over projects accepted in the period (negative: days saved).' })
  developmentDaysPerCommunicationRound!: DashboardRelationType;
  @Field(() => DashboardRelationType, { description: 'NPS of service reviews within 90 days of delivery acceptance minus NPS of later ones (Welch).' })
  npsServiceReviewWithin90Days!: DashboardRelationType;
}

@InputType('ServiceDashboardFilter', { description: 'Which projects the dashboard counts; every part optional, ANDed. Tickets, costs and events count for their project.' })
export class ServiceDashboardFilterInput {
  @Field(() => String, { nullable: true, description: 'Only projects on this service package (its code).' })
  @MaxLength(40)
  packageCode?: string | null;
  @Field(() => ClientTierEnum, { nullable: true, description: "Only projects of clients of this tier (the client's tier now)." }) tier?: ClientTier | null;
  @Field(() => String, { nullable: true, description: 'Only projects led by this username.' })
  @MaxLength(TEXT_LIMITS.name)
  projectLead?: string | null;
  @Field(() => UUIDResolver, { nullable: true, description: "Only this client's projects." }) clientId?: string | null;
}
