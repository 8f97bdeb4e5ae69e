import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

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
  @Field(() => String, { description: 'NOT_APPLICABLE, PENDING, OPEN or DONE.' }) validationDay!: string;
  @Field(() => DateTimeISOResolver, { nullable: true }) validationDayOpensAt!: Date | null;
  @Field(() => Int) openGaps!: number;
  @Field(() => String, { description: 'NOT_STARTED, RUNNING, PASSED, FAILED or ABORTED.' }) stressTest!: string;
  @Field(() => Int) stressTestAttempts!: number;
  @Field(() => String, { description: 'NOT_STARTED, RUNNING or ENDED.' }) monitoring!: string;
  @Field(() => String, { description: 'NOT_DUE, OPEN or DONE.' }) serviceReview!: string;
  @Field(() => DateTimeISOResolver, { nullable: true }) aftercareStartedAt!: Date | null;
  @Field(() => Int, { nullable: true }) npsScore!: number | null;
  @Field(() => String, { nullable: true }) stagingUrl!: string | null;
  @Field(() => String, { nullable: true }) liveUrl!: string | null;
  @Field(() => String, { nullable: true }) cancelReason!: string | null;
}
