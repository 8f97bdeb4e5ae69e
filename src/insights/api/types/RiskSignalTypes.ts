import { MaxLength, MinLength } from 'class-validator';
import { DateTimeISOResolver, LocalDateResolver, UUIDResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../../platform/http/graphqlEnum.js';
import { TEXT_LIMITS } from '../../../shared/domain/storable.js';
import { AUDIT_SCOPES, AUDIT_STATUSES, RISK_RULE, type AuditScope, type AuditStatus } from '../../domain/riskSignal.js';

export const ServiceAuditStatusEnum = graphqlEnum(AUDIT_STATUSES, 'ServiceAuditStatus', 'Where a service audit stands.', {
  OPEN: 'Opened by the weekly risk signal; its owner has not completed it yet.',
  DONE: 'Completed by its owner (or an ADMIN), with a note.',
});

export const ServiceAuditScopeEnum = graphqlEnum(AUDIT_SCOPES, 'ServiceAuditScope', 'Whose complaint rate rose.', {
  AGENCY: "The agency's as a whole (every client together).",
  CLIENT: "One client's.",
});

@ObjectType('ServiceAudit', {
  description: `A service audit: a task the weekly risk signal opens when a complaint rate (complaints per active project) rises ${RISK_RULE.risePercent} % or more week over week, with at least ${RISK_RULE.minComplaints} complaints. One per week and scope; its owner completes it.`,
})
export class ServiceAuditType {
  @Field(() => ID, { description: 'Identifier of the audit (a UUID), for `completeServiceAudit`.' }) id!: string;
  @Field(() => LocalDateResolver, { description: 'Monday (UTC) of the ISO week whose rise opened it.' }) weekStart!: string;
  @Field(() => ServiceAuditScopeEnum, { description: "Whether the agency's rate or one client's rose." }) scope!: AuditScope;
  @Field(() => Int, { description: 'Complaint tickets opened in the week.' }) complaints!: number;
  @Field(() => Int, { description: 'Projects active in the week (created before its end, not closed or cancelled before its start).' }) activeProjects!: number;
  @Field(() => Int, { description: 'Complaint tickets opened in the week before.' }) previousComplaints!: number;
  @Field(() => Int, { description: 'Projects active in the week before.' }) previousActiveProjects!: number;
  @Field(() => Float, { description: 'Complaints per active project in the week.' }) rate!: number;
  @Field(() => Float, { nullable: true, description: 'Complaints per active project the week before; null when it had no active project.' }) previousRate!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: '(rate − previousRate) / previousRate, e.g. 0.5 for a rise of 50 %; null when the week before had no complaint or no active project (a rise from nothing).',
  })
  change!: number | null;
  @Field(() => String, { description: 'Why it opened, with the figures.' }) reason!: string;
  @Field(() => String, { description: "Username of whoever does it: the client's dedicated CSM, else an ADMIN." }) owner!: string;
  @Field(() => DateTimeISOResolver, { description: `When it is due: ${RISK_RULE.auditBusinessDays} business days (Monday to Friday, UTC) after it opened.` }) dueAt!: Date;
  @Field(() => ServiceAuditStatusEnum, { description: 'OPEN until its owner completes it, then DONE.' }) status!: AuditStatus;
  @Field(() => DateTimeISOResolver, { description: 'When it opened.' }) createdAt!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When its notification was delivered; null until then.' }) notifiedAt!: Date | null;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When it was completed; null while OPEN.' }) completedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Username of whoever completed it; null while OPEN.' }) completedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'What the audit found and did, in the words of whoever completed it; null while OPEN.' }) note!: string | null;
}

@ObjectType('RiskSignalWeek', { description: "One week of the risk signal as a run measured and judged it: the agency's complaint rate, its change and what the run did." })
export class RiskSignalWeekType {
  @Field(() => LocalDateResolver, { description: 'Monday (UTC) of the ISO week.' }) weekStart!: string;
  @Field(() => String, { description: 'The ISO week, e.g. `2026-W02`.' }) isoWeek!: string;
  @Field(() => Int, { description: "The agency's complaint tickets opened in the week." }) complaints!: number;
  @Field(() => Int, { description: "The agency's projects active in the week." }) activeProjects!: number;
  @Field(() => Int, { description: "The agency's complaint tickets opened in the week before." }) previousComplaints!: number;
  @Field(() => Int, { description: "The agency's projects active in the week before." }) previousActiveProjects!: number;
  @Field(() => Float, { nullable: true, description: "The agency's complaints per active project; null without an active project." }) rate!: number | null;
  @Field(() => Float, { nullable: true, description: 'The same the week before; null without an active project then.' }) previousRate!: number | null;
  @Field(() => Float, { nullable: true, description: '(rate − previousRate) / previousRate; null when either is unknown or the previous is 0.' }) change!: number | null;
  @Field(() => Boolean, { description: "Whether the agency's rate rose enough to open an audit." }) rise!: boolean;
  @Field(() => String, { description: "The agency's verdict, with the figures." }) reason!: string;
  @Field(() => Int, { description: 'Clients with a project or a complaint in the week or the week before.' }) clientsMeasured!: number;
  @Field(() => Boolean, { description: 'Whether the week had been measured before: the figures are those kept then, and nothing is opened or sent twice.' }) measuredBefore!: boolean;
  @Field(() => Int, { description: "Service audits this run opened (the agency's and clients')." }) auditsOpened!: number;
  @Field(() => Int, { description: 'Notifications this run sent.' }) notificationsSent!: number;
  @Field(() => Int, { description: 'Notifications that failed after their retries; the next run of the week sends them.' }) notificationsPending!: number;
}

@InputType({ description: 'A service audit done.' })
export class CompleteServiceAuditInput {
  @Field(() => UUIDResolver, { description: 'The audit.' }) id!: string;
  @Field(() => String, { description: `What the audit found and did (1-${TEXT_LIMITS.text} characters).` })
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.text)
  note!: string;
}

@InputType({ description: `The weeks to run the risk signal for: every ISO week from the one holding \`from\` to the one holding \`to\`, at most ${RISK_RULE.maxBackfillWeeks}.` })
export class BackfillRiskSignalInput {
  @Field(() => LocalDateResolver, { description: 'A date in the first week.' }) from!: string;
  @Field(() => LocalDateResolver, { description: 'A date in the last week; that week must have ended.' }) to!: string;
}
