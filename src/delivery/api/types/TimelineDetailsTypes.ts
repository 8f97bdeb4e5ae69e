import { DateTimeISOResolver } from 'graphql-scalars';
import { Authorized, createUnionType, Field, Float, Int, ObjectType } from 'type-graphql';
import type { ChangeOrderKind } from '../../domain/changeOrder.js';
import type { CommunicationChannel } from '../../domain/communicationRound.js';
import type { CostPhase } from '../../domain/costShare.js';
import type { ReviewKind, ReviewOutcome } from '../../domain/reviewRound.js';
import type { TimelineEventType } from '../../domain/timelineEvent.js';
import { StressTestThresholdsType } from '../../../catalog/api/types/PackagePolicyType.js';
import { ChangeOrderKindEnum, CommunicationChannelEnum, CostPhaseEnum, ReviewKindEnum, ReviewOutcomeEnum, ValidationOutcomeEnum } from '../enums.js';
import { AGENCY_STAFF } from '../../../identity/domain/role.js';

/**
 * The typed details of each kind of timeline event, one GraphQL type per shape; the
 * union resolves by the event's type. Events with nothing to add have null details.
 */

@ObjectType('ProjectCreatedDetails', { description: 'What the project was sold with.' })
export class ProjectCreatedDetails {
  @Field(() => String, { description: 'The service package.' }) packageCode!: string;
  @Field(() => [String], { description: 'The add-on packs bought with it.' }) addOnCodes!: string[];
}

@ObjectType('CommunicationRoundDetails', { description: 'A logged communication round.' })
export class CommunicationRoundDetails {
  @Field(() => Int, { description: 'Which round this is.' }) round!: number;
  @Field(() => CommunicationChannelEnum, { description: 'How it took place.' }) channel!: CommunicationChannel;
  @Field(() => String, { description: 'What was discussed.' }) summary!: string;
  @Field(() => [String], { description: 'Who took part.' }) attendees!: string[];
  @Field(() => DateTimeISOResolver, { description: 'When it took place.' }) occurredAt!: Date;
}

@ObjectType('ResearchSessionDetails', { description: 'A logged research session.' })
export class ResearchSessionDetails {
  @Field(() => Int, { description: 'Which session this is.' }) session!: number;
  @Field(() => String, { description: 'What it researched.' }) topic!: string;
  @Field(() => [String], { description: 'Who took part.' }) attendees!: string[];
}

@ObjectType('RequirementEventDetails', { description: 'A requirement added, confirmed or dropped.' })
export class RequirementEventDetails {
  @Field(() => String, { description: 'Id of the requirement.' }) requirementId!: string;
  @Field(() => String, { description: 'Its title.' }) title!: string;
  @Field(() => String, { nullable: true, description: 'Why, where a reason was given.' }) reason!: string | null;
}

@ObjectType('RequirementsSignOffDetails', { description: 'Where the requirements stood at sign-off.' })
export class RequirementsSignOffDetails {
  @Field(() => String, { nullable: true, description: 'The note given.' }) note!: string | null;
  @Field(() => Int, { description: 'Communication rounds logged.' }) communicationRounds!: number;
  @Field(() => Int, { description: 'Requirements confirmed.' }) confirmedRequirements!: number;
}

@ObjectType('ValidationResultDetails', { description: 'One requirement checked on the validation day.' })
export class ValidationResultDetails {
  @Field(() => String, { description: 'Id of the requirement.' }) requirementId!: string;
  @Field(() => ValidationOutcomeEnum, { description: 'MET or GAP.' }) result!: 'MET' | 'GAP';
  @Field(() => String, { nullable: true, description: 'What was seen.' }) note!: string | null;
}

@ObjectType('ValidationDayDetails', { description: 'The results of the validation day.' })
export class ValidationDayDetails {
  @Field(() => [ValidationResultDetails], { description: 'One result per confirmed requirement.' }) results!: ValidationResultDetails[];
  @Field(() => Int, { description: 'How many results were gaps.' }) gaps!: number;
}

@ObjectType('ReviewRoundDetails', { description: 'A submitted review round.' })
export class ReviewRoundDetails {
  @Field(() => Int, { description: 'Which round this is.' }) round!: number;
  @Field(() => ReviewKindEnum, { description: 'How it was held.' }) kind!: ReviewKind;
  @Field(() => ReviewOutcomeEnum, { description: 'What the client decided.' }) outcome!: ReviewOutcome;
  @Field(() => String, { description: "The client's feedback." }) feedback!: string;
  @Field(() => [String], { description: 'Who attended on the client side.' }) clientAttendees!: string[];
  @Field(() => [String], { description: 'Validation gaps the round closed.' }) closesGapIds!: string[];
}

@ObjectType('ChangeOrderEventDetails', { description: 'A change order requested, approved or rejected.' })
export class ChangeOrderEventDetails {
  @Field(() => String, { description: 'Id of the order.' }) changeOrderId!: string;
  @Field(() => ChangeOrderKindEnum, { description: 'Which cap it raises.' }) kind!: ChangeOrderKind;
  @Field(() => String, { description: 'Why it was requested.' }) reason!: string;
  @Authorized(AGENCY_STAFF)
  @Field(() => Float, { nullable: true, description: 'Agency staff only (ADMIN, LEAD): what it costs the client.' })
  amount!: number;
  @Field(() => String, { nullable: true, description: 'The note given with the decision.' }) note!: string | null;
}

@ObjectType('StressTestStartedDetails', { description: 'A stress test attempt that started.' })
export class StressTestStartedDetails {
  @Field(() => Int, { description: 'Which attempt.' }) attempt!: number;
  @Field(() => String, { description: 'The URL it probes.' }) url!: string;
  @Field(() => Int, { description: 'How many SOP days it runs.' }) days!: number;
  @Field(() => StressTestThresholdsType, { description: 'The thresholds it is judged on.' }) thresholds!: StressTestThresholdsType;
}

@ObjectType('FailedCheckDetails', { description: 'A failing HTTP check, kept as evidence.' })
export class FailedCheckDetails {
  @Field(() => Boolean, { description: 'Always false: only failing checks are kept.' }) ok!: boolean;
  @Field(() => Int, { nullable: true, description: 'The HTTP status, if any answer came.' }) status!: number | null;
  @Field(() => Int, { description: 'How long the check took, in milliseconds.' }) latencyMs!: number;
  @Field(() => String, { nullable: true, description: 'What went wrong.' }) error!: string | null;
}

@ObjectType('StressTestVerdictDetails', { description: 'How a stress test attempt was judged.' })
export class StressTestVerdictDetails {
  @Field(() => Int, { description: 'Which attempt.' }) attempt!: number;
  @Field(() => Boolean, { description: 'Whether it passed.' }) passed!: boolean;
  @Field(() => Int, { description: 'Checks made.' }) checks!: number;
  @Field(() => Int, { description: 'Checks that failed.' }) failed!: number;
  @Field(() => Float, { description: 'Share of checks that succeeded.' }) availability!: number;
  @Field(() => Float, { description: 'Share of checks that failed.' }) errorRate!: number;
  @Field(() => Int, { description: '95th percentile latency of the successful checks, in milliseconds.' }) p95LatencyMs!: number;
  @Field(() => [String], { description: 'Thresholds missed, in words.' }) failures!: string[];
  @Field(() => [FailedCheckDetails], { description: 'The first failing checks.' }) failedChecks!: FailedCheckDetails[];
}

@ObjectType('StressTestAbortedDetails', { description: 'A stress test attempt that a lead aborted.' })
export class StressTestAbortedDetails {
  @Field(() => Int, { description: 'Which attempt.' }) attempt!: number;
}

@ObjectType('DeliveryAcceptedDetails', { description: "The client's acceptance." })
export class DeliveryAcceptedDetails {
  @Field(() => String, { description: 'Who signed it.' }) signedBy!: string;
  @Field(() => String, { nullable: true, description: 'The note given.' }) note!: string | null;
  @Field(() => String, { nullable: true, description: 'The live site monitored in after-care.' }) liveUrl!: string | null;
}

@ObjectType('DeliveryRejectedDetails', { description: "The client's rejection." })
export class DeliveryRejectedDetails {
  @Field(() => [String], { description: 'What must change.' }) reasons!: string[];
}

@ObjectType('MonitoringEndedDetails', { description: 'The end of after-care monitoring.' })
export class MonitoringEndedDetails {
  @Field(() => Int, { description: 'Months monitored.' }) months!: number;
}

@ObjectType('ServiceReviewDueDetails', { description: 'The service review opened or a reminder sent.' })
export class ServiceReviewDueDetails {
  @Field(() => Int, { description: 'SOP days until the review is due.' }) dueInDays!: number;
}

@ObjectType('ServiceReviewDetails', { description: 'A submitted service review.' })
export class ServiceReviewDetails {
  @Field(() => Int, { description: 'Net promoter score, 0 to 10.' }) npsScore!: number;
  @Field(() => String, { nullable: true, description: "The client's words." }) comment!: string | null;
}

@ObjectType('ProjectCancelledDetails', { description: 'Why the project was cancelled.' })
export class ProjectCancelledDetails {
  @Field(() => String, { description: 'The reason given.' }) reason!: string;
}

@ObjectType('CostRecordedDetails', { description: 'A cost booked to a phase of the project.' })
export class CostRecordedDetails {
  @Field(() => String, { description: 'Id of the cost entry.' }) costId!: string;
  @Field(() => CostPhaseEnum, { description: 'The phase the cost is booked to.' }) phase!: CostPhase;
  @Authorized(AGENCY_STAFF)
  @Field(() => Float, { nullable: true, description: 'Agency staff only (ADMIN, LEAD): the amount spent.' })
  amount!: number;
  @Field(() => String, { nullable: true, description: 'What it was for.' }) note!: string | null;
}

/** Which GraphQL type holds each event type's details; null where the event has none. */
const DETAILS_TYPE_OF = {
  PROJECT_CREATED: ProjectCreatedDetails,
  COMMUNICATION_ROUND_LOGGED: CommunicationRoundDetails,
  RESEARCH_SESSION_LOGGED: ResearchSessionDetails,
  REQUIREMENT_ADDED: RequirementEventDetails,
  REQUIREMENT_CONFIRMED: RequirementEventDetails,
  REQUIREMENT_DROPPED: RequirementEventDetails,
  REQUIREMENTS_SIGNED_OFF: RequirementsSignOffDetails,
  VALIDATION_DAY_OPENED: null,
  VALIDATION_DAY_COMPLETED: ValidationDayDetails,
  REVIEW_ROUND_SUBMITTED: ReviewRoundDetails,
  CHANGE_ORDER_REQUESTED: ChangeOrderEventDetails,
  CHANGE_ORDER_APPROVED: ChangeOrderEventDetails,
  CHANGE_ORDER_REJECTED: ChangeOrderEventDetails,
  STRESS_TEST_STARTED: StressTestStartedDetails,
  STRESS_TEST_PASSED: StressTestVerdictDetails,
  STRESS_TEST_FAILED: StressTestVerdictDetails,
  STRESS_TEST_ABORTED: StressTestAbortedDetails,
  DELIVERY_ACCEPTED: DeliveryAcceptedDetails,
  DELIVERY_REJECTED: DeliveryRejectedDetails,
  MONITORING_ENDED: MonitoringEndedDetails,
  SERVICE_REVIEW_OPENED: ServiceReviewDueDetails,
  SERVICE_REVIEW_REMINDER: ServiceReviewDueDetails,
  SERVICE_REVIEW_OVERDUE: null,
  SERVICE_REVIEW_SUBMITTED: ServiceReviewDetails,
  PROJECT_CLOSED: null,
  PROJECT_CANCELLED: ProjectCancelledDetails,
  COST_RECORDED: CostRecordedDetails,
} as const satisfies Record<TimelineEventType, (abstract new () => object) | null>;

const DETAILS_TYPES = [...new Set(Object.values(DETAILS_TYPE_OF).filter((type) => type !== null))];

/** Details carry their event's type, so the union can tell which shape they are. */
interface TypedDetails {
  eventType: TimelineEventType;
}

export const TimelineEventDetailsUnion = createUnionType({
  name: 'TimelineEventDetails',
  description: 'What a timeline event records, one shape per kind of event.',
  types: () => DETAILS_TYPES as unknown as [typeof ProjectCreatedDetails],
  resolveType: (details) => {
    const type = DETAILS_TYPE_OF[(details as unknown as TypedDetails).eventType];
    return type ?? undefined;
  },
});

/** The details as GraphQL resolves them, or null for events without details (and for rows written before details were typed). */
export function detailsOf(eventType: TimelineEventType, details: Record<string, unknown> | null): object | null {
  if (details === null || DETAILS_TYPE_OF[eventType] === null) return null;
  return { ...details, eventType };
}
