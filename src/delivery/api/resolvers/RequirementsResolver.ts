import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import { delivery } from '../../services/deliveryService.js';
import {
  AddRequirementInput,
  ConfirmRequirementInput,
  DropRequirementInput,
  LogCommunicationRoundInput,
  LogResearchSessionInput,
  SignOffRequirementsInput,
} from '../inputs/requirementsInputs.js';
import { ProjectType } from '../types/ProjectType.js';
import { AGENCY_STAFF } from '../../../identity/domain/role.js';

/** Lead actions of the requirements stage; each is a workflow update that the SOP may refuse. */
@Resolver()
export class RequirementsResolver {
  @Authorized(AGENCY_STAFF)
  @Mutation(() => ProjectType, { description: 'Logs a communication round with the client (requirements stage).' })
  logCommunicationRound(
    @Arg('input', () => LogCommunicationRoundInput, { description: 'The project and the round: channel, summary, attendees and when it took place.' }) input: LogCommunicationRoundInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return delivery.logCommunicationRound(ctx, input);
  }

  @Authorized(AGENCY_STAFF)
  @Mutation(() => ProjectType, { description: 'Logs a requirement research session; capped by the package unless a change order raises the cap.' })
  logResearchSession(
    @Arg('input', () => LogResearchSessionInput, { description: 'The project, the topic and who took part.' }) input: LogResearchSessionInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return delivery.logResearchSession(ctx, input);
  }

  @Authorized(AGENCY_STAFF)
  @Mutation(() => ProjectType, { description: 'Adds a proposed requirement.' })
  addRequirement(
    @Arg('input', () => AddRequirementInput, { description: "The project and the requirement's title." }) input: AddRequirementInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return delivery.addRequirement(ctx, input);
  }

  @Authorized(AGENCY_STAFF)
  @Mutation(() => ProjectType, { description: 'Confirms a proposed requirement.' })
  confirmRequirement(
    @Arg('input', () => ConfirmRequirementInput, { description: 'The project and the proposed requirement to confirm.' }) input: ConfirmRequirementInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return delivery.confirmRequirement(ctx, input);
  }

  @Authorized(AGENCY_STAFF)
  @Mutation(() => ProjectType, { description: 'Drops a requirement from the scope.' })
  dropRequirement(
    @Arg('input', () => DropRequirementInput, { description: 'The project, the requirement to drop and why.' }) input: DropRequirementInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return delivery.dropRequirement(ctx, input);
  }

  @Authorized(AGENCY_STAFF)
  @Mutation(() => ProjectType, {
    description: "Signs off the requirements; refused until the package's minimum communication rounds are logged and a requirement is confirmed.",
  })
  signOffRequirements(
    @Arg('input', () => SignOffRequirementsInput, { description: 'The project and an optional note.' }) input: SignOffRequirementsInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return delivery.signOffRequirements(ctx, input);
  }
}
