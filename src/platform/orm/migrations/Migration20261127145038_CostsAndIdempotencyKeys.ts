import { Migration } from '@mikro-orm/migrations';

/**
 * Costs become an SOP action: their timeline event type joins the check. Idempotency keys
 * are kept with the request they were first used for, to refuse one reused on another.
 */
export class Migration20261127145038_CostsAndIdempotencyKeys extends Migration {

  override name = 'Migration20261127145038_CostsAndIdempotencyKeys';

  override up(): void | Promise<void> {
    this.addSql(`create table "idempotency_key" ("key" varchar(100) not null, "scope" varchar(100) not null, "operation" varchar(64) not null, "request_hash" varchar(64) not null, "created_at" timestamptz not null, "completed_at" timestamptz null, primary key ("key"));`);

    this.addSql(`alter table "timeline_event" drop constraint "timeline_event_type_check";`);
    this.addSql(`alter table "timeline_event" add constraint "timeline_event_type_check" check ("type" in ('PROJECT_CREATED', 'COMMUNICATION_ROUND_LOGGED', 'RESEARCH_SESSION_LOGGED', 'REQUIREMENT_ADDED', 'REQUIREMENT_CONFIRMED', 'REQUIREMENT_DROPPED', 'REQUIREMENTS_SIGNED_OFF', 'VALIDATION_DAY_OPENED', 'VALIDATION_DAY_COMPLETED', 'REVIEW_ROUND_SUBMITTED', 'CHANGE_ORDER_REQUESTED', 'CHANGE_ORDER_APPROVED', 'CHANGE_ORDER_REJECTED', 'STRESS_TEST_STARTED', 'STRESS_TEST_PASSED', 'STRESS_TEST_FAILED', 'STRESS_TEST_ABORTED', 'DELIVERY_ACCEPTED', 'DELIVERY_REJECTED', 'MONITORING_ENDED', 'SERVICE_REVIEW_OPENED', 'SERVICE_REVIEW_REMINDER', 'SERVICE_REVIEW_OVERDUE', 'SERVICE_REVIEW_SUBMITTED', 'PROJECT_CLOSED', 'PROJECT_CANCELLED', 'COST_RECORDED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "idempotency_key" cascade;`);

    this.addSql(`alter table "timeline_event" drop constraint "timeline_event_type_check";`);
    this.addSql(`alter table "timeline_event" add constraint "timeline_event_type_check" check ("type" in ('PROJECT_CREATED', 'COMMUNICATION_ROUND_LOGGED', 'RESEARCH_SESSION_LOGGED', 'REQUIREMENT_ADDED', 'REQUIREMENT_CONFIRMED', 'REQUIREMENT_DROPPED', 'REQUIREMENTS_SIGNED_OFF', 'VALIDATION_DAY_OPENED', 'VALIDATION_DAY_COMPLETED', 'REVIEW_ROUND_SUBMITTED', 'CHANGE_ORDER_REQUESTED', 'CHANGE_ORDER_APPROVED', 'CHANGE_ORDER_REJECTED', 'STRESS_TEST_STARTED', 'STRESS_TEST_PASSED', 'STRESS_TEST_FAILED', 'STRESS_TEST_ABORTED', 'DELIVERY_ACCEPTED', 'DELIVERY_REJECTED', 'MONITORING_ENDED', 'SERVICE_REVIEW_OPENED', 'SERVICE_REVIEW_REMINDER', 'SERVICE_REVIEW_OVERDUE', 'SERVICE_REVIEW_SUBMITTED', 'PROJECT_CLOSED', 'PROJECT_CANCELLED'));`);
  }

}
