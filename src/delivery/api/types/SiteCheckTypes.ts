import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { SiteCheckKind } from '../../domain/siteCheck.js';
import { SiteCheckKindEnum } from '../enums.js';

@ObjectType('SiteCheck', { description: 'One HTTP request the stress test or monitoring made.' })
export class SiteCheckType {
  @Field(() => String, { description: '`stress-<attempt>` or `monitoring`.' }) run!: string;
  @Field(() => String) slot!: string;
  @Field(() => SiteCheckKindEnum, { description: 'What kind of check it was.' }) kind!: SiteCheckKind;
  @Field(() => DateTimeISOResolver) checkedAt!: Date;
  @Field(() => Boolean) ok!: boolean;
  @Field(() => Int, { nullable: true }) status!: number | null;
  @Field(() => Int) latencyMs!: number;
  @Field(() => String, { nullable: true }) error!: string | null;
}

@ObjectType('MonitoringReport', { description: 'One month of after-care monitoring.' })
export class MonitoringReportType {
  @Field(() => Int) month!: number;
  @Field(() => Int) checks!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Float) availability!: number;
  @Field(() => Int) p95LatencyMs!: number;
  @Field(() => DateTimeISOResolver) reportedAt!: Date;
}
