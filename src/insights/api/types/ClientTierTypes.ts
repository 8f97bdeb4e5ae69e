import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MaxLength, MinLength } from 'class-validator';
import { UUIDResolver } from 'graphql-scalars';
import { ClientTierEnum } from '../../../catalog/api/enums.js';
import type { ClientTier } from '../../../catalog/domain/clientTier.js';
import { TEXT_LIMITS } from '../../../shared/domain/storable.js';

@ObjectType('ClientTierChange', { description: "One change of a client's tier: from what to what, who made it, why, and what the data suggested then." })
export class ClientTierChangeType {
  @Field(() => ID, { description: 'Identifier of the change.' }) id!: string;
  @Field(() => ClientTierEnum, { description: 'The tier before.' }) fromTier!: ClientTier;
  @Field(() => ClientTierEnum, { description: 'The tier after.' }) toTier!: ClientTier;
  @Field(() => String, { description: 'Username of the ADMIN who changed it.' }) changedBy!: string;
  @Field(() => String, { description: "Why, in the ADMIN's words." }) reason!: string;
  @Field(() => ClientTierEnum, { nullable: true, description: "The tier the client's data suggested at the time; null when none was computed." }) suggestedTier!: ClientTier | null;
  @Field(() => [String], { description: 'The reasons of that suggestion.' }) suggestionReasons!: string[];
  @Field(() => DateTimeISOResolver, { description: 'When it changed.' }) changedAt!: Date;
}

@ObjectType('TierSuggestion', { description: "The tier a client's own data suggests (an ADMIN decides), with the reasons and the figures they rest on, over the last 12 months." })
export class TierSuggestionType {
  @Field(() => ClientTierEnum, { description: 'The suggested tier.' }) tier!: ClientTier;
  @Field(() => [String], { description: 'Why, one sentence per condition met, with its numbers.' }) reasons!: string[];
  @Field(() => Float, { description: 'Sum of the contract values of projects started in the last 12 months.' }) contractValue12m!: number;
  @Field(() => Int, { description: 'Projects started in the last 12 months.' }) projects12m!: number;
  @Field(() => Int, { nullable: true, description: 'Net promoter score of its service reviews in the last 12 months (promoters − detractors, %); null with none.' }) nps!: number | null;
  @Field(() => Int, { description: 'How many service-review scores the NPS rests on.' }) npsResponses!: number;
  @Field(() => Int, { description: 'Complaint tickets opened in the last 12 months.' }) complaints12m!: number;
}

@InputType({ description: "A change of a client's tier." })
export class SetClientTierInput {
  @Field(() => UUIDResolver, { description: 'The client.' }) clientId!: string;
  @Field(() => ClientTierEnum, { description: 'The new tier: A strategic, B standard, C self-service.' }) tier!: ClientTier;
  @Field(() => String, { description: `Why (1-${TEXT_LIMITS.text} characters); kept in the client's tier history.` })
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.text)
  reason!: string;
}
