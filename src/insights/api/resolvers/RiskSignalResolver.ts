import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ClientType } from '../../../catalog/api/types/ClientType.js';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import { isoWeekName, RISK_RULE, type AuditStatus } from '../../domain/riskSignal.js';
import type { ServiceAudit } from '../../entities/index.js';
import { AUDIT_READERS, backfillRiskSignal, completeServiceAudit, listServiceAudits, MAX_AUDITS_LISTED } from '../../services/riskSignals.js';
import { BackfillRiskSignalInput, CompleteServiceAuditInput, RiskSignalWeekType, ServiceAuditStatusEnum, ServiceAuditType } from '../types/RiskSignalTypes.js';

/** The weekly risk signal: its service audits and the backfill of past weeks. Thin: the services decide. */
@Resolver(() => ServiceAuditType)
export class RiskSignalResolver {
  @Authorized(AUDIT_READERS)
  @Query(() => [ServiceAuditType], {
    description: `Service audits the weekly risk signal opened, the newest week first (the agency's before clients' within a week), ADMIN, LEAD and CSM.`,
  })
  serviceAudits(
    @Arg('status', () => ServiceAuditStatusEnum, { nullable: true, description: 'Only audits in this status; all when absent.' }) status: AuditStatus | null,
    @Arg('owner', () => String, { nullable: true, description: 'Only audits this username owns; all owners when absent.' }) owner: string | null,
    @Arg('first', () => Int, { defaultValue: 50, description: `How many, 1 to ${MAX_AUDITS_LISTED}.` }) first: number,
    @Ctx() ctx: GraphQLContext,
  ) {
    return listServiceAudits(ctx, { status, owner, first });
  }

  @FieldResolver(() => ClientType, { nullable: true, description: 'The client audited; null for the agency.' })
  client(@Root() audit: ServiceAudit, @Ctx() ctx: GraphQLContext) {
    return audit.client ? ctx.loaders.client.load(audit.client.id) : null;
  }

  @FieldResolver(() => String, { description: 'The ISO week, e.g. `2026-W02`.' })
  isoWeek(@Root() audit: ServiceAudit) {
    return isoWeekName(audit.weekStart);
  }

  @Authorized(AUDIT_READERS)
  @Mutation(() => ServiceAuditType, {
    description: 'Completes a service audit with a note: its owner or an ADMIN (FORBIDDEN with `rule: NOT_AUDIT_OWNER` otherwise). An audit already DONE is answered as it is.',
  })
  completeServiceAudit(@Arg('input', () => CompleteServiceAuditInput, { description: 'The audit and what it found.' }) input: CompleteServiceAuditInput, @Ctx() ctx: GraphQLContext) {
    return completeServiceAudit(ctx, input);
  }

  @Authorized(['ADMIN'])
  @Mutation(() => [RiskSignalWeekType], {
    description: `Runs the weekly risk signal for past weeks (ADMIN), one workflow per week (\`risk-signal-<weekStart>\`), and answers each week, oldest first, once all are done. A week measured before keeps its figures and opens or sends nothing again. BAD_USER_INPUT for more than ${RISK_RULE.maxBackfillWeeks} weeks or a week that has not ended; SERVICE_UNAVAILABLE when the weeks take longer than a minute (they go on; ask again for the results).`,
  })
  async backfillRiskSignal(@Arg('input', () => BackfillRiskSignalInput, { description: 'The weeks.' }) input: BackfillRiskSignalInput, @Ctx() ctx: GraphQLContext) {
    const results = await backfillRiskSignal(ctx, input);
    return results.map(({ agency, ...week }) => ({
      ...week,
      complaints: agency.current.complaints,
      activeProjects: agency.current.activeProjects,
      previousComplaints: agency.previous.complaints,
      previousActiveProjects: agency.previous.activeProjects,
      rate: agency.rate,
      previousRate: agency.previousRate,
      change: agency.change,
      rise: agency.rise,
      reason: agency.reason,
    }));
  }
}
