import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import type { MonitoringStatus, ServiceReviewStatus } from '../../domain/aftercare.js';
import type { StressTestStatus, ValidationDayStatus } from '../../domain/sopState.js';
import { MonitoringStatusEnum, ServiceReviewStatusEnum, StressTestStatusEnum, ValidationDayStatusEnum } from '../enums.js';

@ObjectType('SopCaps', { description: 'Caps in force: the policy (with add-ons) plus approved change orders.' })
export class SopCapsType {
  @Field(() => Int) researchSessions!: number;
  @Field(() => Int) iterationRounds!: number;
}

@ObjectType('SopProgress', { description: "Where the project's SOP workflow stands, as last projected." })
export class SopProgressType {
  @Field(() => Int) communicationRounds!: number;
  @Field(() => Int) researchSessions!: number;
  @Field(() => Int) reviewRounds!: number;
  @Field(() => Int, { description: 'Approved rounds that count towards the minimum (on-site only where the policy says so).' })
  approvedReviewRounds!: number;
  @Field(() => Int) iterationRoundsUsed!: number;
  @Field(() => SopCapsType) caps!: SopCapsType;
  @Field(() => ValidationDayStatusEnum, { description: 'Where the validation day stands.' }) validationDay!: ValidationDayStatus;
  @Field(() => DateTimeISOResolver, { nullable: true }) validationDayOpensAt!: Date | null;
  @Field(() => Int) openGaps!: number;
  @Field(() => StressTestStatusEnum, { description: 'Where the latest stress test stands.' }) stressTest!: StressTestStatus;
  @Field(() => Int) stressTestAttempts!: number;
  @Field(() => MonitoringStatusEnum, { description: 'Where after-care monitoring stands.' }) monitoring!: MonitoringStatus;
  @Field(() => ServiceReviewStatusEnum, { description: 'Where the service review stands.' }) serviceReview!: ServiceReviewStatus;
  @Field(() => DateTimeISOResolver, { nullable: true }) aftercareStartedAt!: Date | null;
  @Field(() => Int, { nullable: true }) npsScore!: number | null;
  @Field(() => String, { nullable: true }) stagingUrl!: string | null;
  @Field(() => String, { nullable: true }) liveUrl!: string | null;
  @Field(() => String, { nullable: true }) cancelReason!: string | null;
}
