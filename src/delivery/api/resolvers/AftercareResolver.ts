import { Arg, Authorized, Ctx, Extensions, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { listRows } from '../../../platform/http/queryLimits.js';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import type { ProjectView } from '../../services/projectQueries.js';
import { delivery } from '../../services/deliveryService.js';
import { SubmitServiceReviewInput } from '../inputs/aftercareInputs.js';
import { ProjectType } from '../types/ProjectType.js';
import { MonitoringReportType } from '../types/SiteCheckTypes.js';
import { AGENCY_STAFF } from '../../../identity/domain/role.js';

/** After-care: the service review and the monthly monitoring reports. */
@Resolver(() => ProjectType)
export class AftercareResolver {
  @Authorized(AGENCY_STAFF)
  @Mutation(() => ProjectType, { description: 'Records the service review and its NPS once the review is open.' })
  submitServiceReview(
    @Arg('input', () => SubmitServiceReviewInput, { description: "The project, the client's NPS and comment." }) input: SubmitServiceReviewInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return delivery.submitServiceReview(ctx, input);
  }

  @Extensions(listRows(12))
  @FieldResolver(() => [MonitoringReportType], { description: 'One report per month of after-care monitoring.' })
  monitoringReports(@Root() project: ProjectView, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.monitoringReportsOfProject.load(project.id);
  }
}
