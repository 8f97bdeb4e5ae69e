import { Migration } from '@mikro-orm/migrations';

export class Migration20261122131311_DeliverySop extends Migration {

  override name = 'Migration20261122131311_DeliverySop';

  override up(): void | Promise<void> {
    this.addSql(`create table "requirement" ("project_id" uuid not null, "id" varchar(64) not null, "title" varchar(500) not null, "status" text not null, "validation" text not null, primary key ("project_id", "id"));`);

    this.addSql(`create table "monitoring_report" ("project_id" uuid not null, "month" int not null, "checks" int not null, "failed" int not null, "availability" double precision not null, "p95_latency_ms" int not null, "reported_at" timestamptz not null, primary key ("project_id", "month"));`);

    this.addSql(`create table "cost_entry" ("id" uuid not null, "project_id" uuid not null, "phase" text not null, "amount" numeric(12,2) not null, "note" text null, "recorded_by" varchar(200) not null, "recorded_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "cost_entry_project_id_index" on "cost_entry" ("project_id");`);

    this.addSql(`create table "change_order" ("project_id" uuid not null, "id" varchar(64) not null, "kind" text not null, "status" text not null, "reason" text not null, "amount" numeric(12,2) not null, primary key ("project_id", "id"));`);

    this.addSql(`create table "site_check" ("project_id" uuid not null, "run" varchar(40) not null, "slot" varchar(40) not null, "index" int not null, "kind" text not null, "checked_at" timestamptz not null, "ok" boolean not null, "status" int null, "latency_ms" int not null, "error" text null, primary key ("project_id", "run", "slot", "index"));`);

    // Projects created before the full SOP keep their progress: the snapshot starts from
    // the columns it replaces, and the app fills in the newer fields (upgradeSopState).
    this.addSql(`alter table "project" add "contract_value" numeric(12,2) null, add "sop_state" jsonb null;`);
    this.addSql(`update "project" set "sop_state" = jsonb_build_object('stage', "stage", 'communicationRounds', "communication_rounds", 'lastEventSeq', "projected_seq");`);
    this.addSql(`alter table "project" alter column "sop_state" set not null;`);
    this.addSql(`alter table "project" drop column "communication_rounds";`);

    this.addSql(`alter table "stage_event" drop constraint "stage_event_type_check";`);
    this.addSql(`alter table "stage_event" add constraint "stage_event_type_check" check ("type" in ('PROJECT_CREATED', 'COMMUNICATION_ROUND_LOGGED', 'RESEARCH_SESSION_LOGGED', 'REQUIREMENT_ADDED', 'REQUIREMENT_CONFIRMED', 'REQUIREMENT_DROPPED', 'REQUIREMENTS_SIGNED_OFF', 'VALIDATION_DAY_OPENED', 'VALIDATION_DAY_COMPLETED', 'REVIEW_ROUND_SUBMITTED', 'CHANGE_ORDER_REQUESTED', 'CHANGE_ORDER_APPROVED', 'CHANGE_ORDER_REJECTED', 'STRESS_TEST_STARTED', 'STRESS_TEST_PASSED', 'STRESS_TEST_FAILED', 'STRESS_TEST_ABORTED', 'DELIVERY_ACCEPTED', 'DELIVERY_REJECTED', 'MONITORING_ENDED', 'SERVICE_REVIEW_OPENED', 'SERVICE_REVIEW_REMINDER', 'SERVICE_REVIEW_OVERDUE', 'SERVICE_REVIEW_SUBMITTED', 'PROJECT_CLOSED', 'PROJECT_CANCELLED'));`);

    this.addSql(`alter table "requirement" add constraint "requirement_project_id_foreign" foreign key ("project_id") references "project" ("id");`);
    this.addSql(`alter table "requirement" add constraint "requirement_status_check" check ("status" in ('PROPOSED', 'CONFIRMED', 'DROPPED'));`);
    this.addSql(`alter table "requirement" add constraint "requirement_validation_check" check ("validation" in ('UNCHECKED', 'MET', 'GAP'));`);

    this.addSql(`alter table "monitoring_report" add constraint "monitoring_report_project_id_foreign" foreign key ("project_id") references "project" ("id");`);

    this.addSql(`alter table "cost_entry" add constraint "cost_entry_project_id_foreign" foreign key ("project_id") references "project" ("id");`);
    this.addSql(`alter table "cost_entry" add constraint "cost_entry_phase_check" check ("phase" in ('RESEARCH', 'ITERATION', 'AFTER_SALES', 'OTHER'));`);

    this.addSql(`alter table "change_order" add constraint "change_order_project_id_foreign" foreign key ("project_id") references "project" ("id");`);
    this.addSql(`alter table "change_order" add constraint "change_order_kind_check" check ("kind" in ('EXTRA_RESEARCH', 'EXTRA_ITERATION', 'SCOPE'));`);
    this.addSql(`alter table "change_order" add constraint "change_order_status_check" check ("status" in ('REQUESTED', 'APPROVED', 'REJECTED'));`);

    this.addSql(`alter table "site_check" add constraint "site_check_project_id_foreign" foreign key ("project_id") references "project" ("id");`);
    this.addSql(`alter table "site_check" add constraint "site_check_kind_check" check ("kind" in ('PROBE', 'BURST', 'MONITOR'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "requirement" cascade;`);
    this.addSql(`drop table if exists "monitoring_report" cascade;`);
    this.addSql(`drop table if exists "cost_entry" cascade;`);
    this.addSql(`drop table if exists "change_order" cascade;`);
    this.addSql(`drop table if exists "site_check" cascade;`);

    this.addSql(`alter table "project" drop column "contract_value", drop column "sop_state";`);
    this.addSql(`alter table "project" add "communication_rounds" int4 not null default 0;`);

    this.addSql(`alter table "stage_event" drop constraint "stage_event_type_check";`);
    this.addSql(`alter table "stage_event" add constraint "stage_event_type_check" check ("type" in ('PROJECT_CREATED', 'COMMUNICATION_ROUND_LOGGED', 'REQUIREMENTS_SIGNED_OFF'));`);
  }

}
