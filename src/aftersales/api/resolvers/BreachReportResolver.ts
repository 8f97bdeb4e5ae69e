import { Args, Authorized, Ctx, Extensions, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { listRows } from '../../../platform/http/queryLimits.js';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import { BREACH_REPORT_READERS, breachReport, breachReportItems, breachReportWindow } from '../../services/breachReport.js';
import { SlaBreachReportArgs, SlaBreachReportItemType, SlaBreachReportRowType, SlaBreachReportType } from '../types/BreachReportTypes.js';

/** The SLA breach report over GraphQL; thin: the service checks the role and the window, and reads. */
@Resolver(() => SlaBreachReportType)
export class BreachReportResolver {
  @Authorized(BREACH_REPORT_READERS)
  @Query(() => SlaBreachReportType, {
    description:
      'The SLA breach report (ADMIN, CSM): `rows` per agent, team or client, with the open overdue tickets; `items` one per breach. A window of deadlines [from, to); all time when both are absent. BAD_USER_INPUT when `from` is not before `to`. The same as CSV: GET /reports/sla-breaches.csv?groupBy=…&from=…&to=… with the bearer token.',
  })
  slaBreachReport(@Args(() => SlaBreachReportArgs) { groupBy, from, to }: SlaBreachReportArgs, @Ctx() ctx: GraphQLContext): SlaBreachReportType {
    const window = breachReportWindow(ctx, { from, to });
    return { groupBy, from: window.from, to: window.to, asOf: window.now };
  }

  @Extensions(listRows(20))
  @FieldResolver(() => [SlaBreachReportRowType], { description: 'One row per group with a breach or an open overdue ticket in the window: most breaches first, then by key (the null key last).' })
  rows(@Root() report: SlaBreachReportType, @Ctx() ctx: GraphQLContext) {
    return breachReport(ctx, { groupBy: report.groupBy, from: report.from, to: report.to, now: report.asOf });
  }

  @Extensions(listRows(100))
  @FieldResolver(() => [SlaBreachReportItemType], { description: 'Every breach due in the window, earliest due first (then by ticket, clock and round).' })
  items(@Root() report: SlaBreachReportType, @Ctx() ctx: GraphQLContext) {
    return breachReportItems(ctx, { from: report.from, to: report.to, now: report.asOf });
  }
}
