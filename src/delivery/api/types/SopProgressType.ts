import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import type { MonitoringStatus, ServiceReviewStatus } from '../../domain/aftercare.js';
import type { StressTestStatus, ValidationDayStatus } from '../../domain/sopState.js';
import { MonitoringStatusEnum, ServiceReviewStatusEnum, StressTestStatusEnum, ValidationDayStatusEnum } from '../enums.js';

@ObjectType('SopCaps', { description: 'Caps in force: the policy (with add-ons) plus approved change orders.' })
export class SopCapsType {
  @Field(() => Int, { description: 'Research sessions allowed: those the policy includes plus one per approved EXTRA_RESEARCH change order.' })
  researchSessions!: number;
  @Field(() => Int, { description: 'Iteration rounds allowed: those the policy includes plus one per approved EXTRA_ITERATION change order.' })
  iterationRounds!: number;
}

@ObjectType('SopProgress', { description: "Where the project's SOP workflow stands, as last projected." })
export class SopProgressType {
  @Field(() => Int, { description: "Communication rounds logged; sign-off needs the policy's `minCommunicationRounds`." }) communicationRounds!: number;
  @Field(() => Int, { description: 'Research sessions logged; at most `caps.researchSessions`.' }) researchSessions!: number;
  @Field(() => Int, { description: 'Review rounds submitted, whatever their outcome.' }) reviewRounds!: number;
  @Field(() => Int, { description: 'Approved rounds that count towards the minimum (on-site only where the policy says so).' })
  approvedReviewRounds!: number;
  @Field(() => Int, { description: 'Iteration rounds used by CHANGES_REQUESTED review rounds and failed stress tests; capped by `caps.iterationRounds`.' })
  iterationRoundsUsed!: number;
  @Field(() => SopCapsType, { description: 'The caps in force now.' }) caps!: SopCapsType;
  @Field(() => ValidationDayStatusEnum, { description: 'Where the validation day stands.' }) validationDay!: ValidationDayStatus;
  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: 'When the validation day opens (or opened); null before the requirements are signed off, and when the package has none.',
  })
  validationDayOpensAt!: Date | null;
  @Field(() => Int, { description: 'Confirmed requirements found GAP that no review round has closed yet; the stress test needs 0.' }) openGaps!: number;
  @Field(() => StressTestStatusEnum, { description: 'Where the latest stress test stands.' }) stressTest!: StressTestStatus;
  @Field(() => Int, { description: 'Stress tests started so far, counting aborted and failed attempts.' }) stressTestAttempts!: number;
  @Field(() => MonitoringStatusEnum, { description: 'Where after-care monitoring stands.' }) monitoring!: MonitoringStatus;
  @Field(() => ServiceReviewStatusEnum, { description: 'Where the service review stands.' }) serviceReview!: ServiceReviewStatus;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the delivery was accepted and after-care started; null before.' })
  aftercareStartedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: "The client's net promoter score from the service review, 0 to 10; null until it is submitted." })
  npsScore!: number | null;
  @Field(() => String, { nullable: true, description: 'Where the stress test probes: the URL given at creation or by the latest startStressTest; null if none.' })
  stagingUrl!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Where after-care monitoring probes, set when the delivery is accepted (the staging URL unless another was given); null before.',
  })
  liveUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the project was cancelled; null unless it is CANCELLED.' }) cancelReason!: string | null;
}
