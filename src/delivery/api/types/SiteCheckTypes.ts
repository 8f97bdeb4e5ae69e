import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { SiteCheckKind } from '../../domain/siteCheck.js';
import { SiteCheckKindEnum } from '../enums.js';
import { NodeInterface } from '../../../platform/http/node.js';

@ObjectType('SiteCheck', { description: 'One HTTP request the stress test or monitoring made.', implements: NodeInterface })
export class SiteCheckType {
  @Field(() => String, { description: '`stress-<attempt>` or `monitoring`.' }) run!: string;
  @Field(() => String, { description: 'Where in the schedule the check was made, e.g. `day3-probe7`, `day1-burst` or `month2-probe12`.' }) slot!: string;
  @Field(() => SiteCheckKindEnum, { description: 'What kind of check it was.' }) kind!: SiteCheckKind;
  @Field(() => DateTimeISOResolver, { description: 'When the check was made.' }) checkedAt!: Date;
  @Field(() => Boolean, { description: 'Whether the site answered with an HTTP status below 400.' }) ok!: boolean;
  @Field(() => Int, { nullable: true, description: 'The HTTP status of the answer; null when none came (see `error`).' }) status!: number | null;
  @Field(() => Int, { description: 'How long the check took, in milliseconds, redirects included, until the answer or the failure.' }) latencyMs!: number;
  @Field(() => String, {
    nullable: true,
    description: 'Why the check failed: `HTTP <status>`, or a code such as TIMEOUT, DNS_FAILED or DESTINATION_REFUSED; null when it succeeded.',
  })
  error!: string | null;
}

@ObjectType('MonitoringReport', { description: 'One month of after-care monitoring.', implements: NodeInterface })
export class MonitoringReportType {
  @Field(() => Int, { description: 'Which month of after-care the report covers, from 1.' }) month!: number;
  @Field(() => Int, { description: 'Checks of the live site made that month (one a day).' }) checks!: number;
  @Field(() => Int, { description: 'Checks that failed.' }) failed!: number;
  @Field(() => Float, { description: 'Share of checks that succeeded, 0 to 1 (0 when no check was made).' }) availability!: number;
  @Field(() => Int, { description: '95th-percentile latency of the successful checks, in milliseconds (0 when none succeeded).' }) p95LatencyMs!: number;
  @Field(() => DateTimeISOResolver, { description: "When the report was written, at the month's end." }) reportedAt!: Date;
}
