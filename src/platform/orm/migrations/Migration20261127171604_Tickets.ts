import { Migration } from '@mikro-orm/migrations';

/**
 * After-sales: tickets (the read model of their SLA workflows) with their messages and
 * breach records, SLA policies and business-hours calendars as versioned data, each
 * user's team and each client's dedicated CSM. The seeded CSM and tier-A client of
 * databases made before get theirs here; the seeder adds the SLA policy's version 1.
 */
export class Migration20261127171604_Tickets extends Migration {

  override name = 'Migration20261127171604_Tickets';

  override up(): void | Promise<void> {
    this.addSql(`create table "business_calendar_version" ("scope" text not null, "scope_key" varchar(100) not null, "version" int not null, "calendar" jsonb not null, "created_by" varchar(200) not null, "created_at" timestamptz not null, primary key ("scope", "scope_key", "version"));`);

    this.addSql(`create table "sla_policy_version" ("version" int not null, "policy" jsonb not null, "package_overrides" jsonb not null, "add_on_overrides" jsonb not null, "created_by" varchar(200) not null, "created_at" timestamptz not null, primary key ("version"));`);

    this.addSql(`create table "ticket" ("id" uuid not null, "project_id" uuid not null, "client_id" uuid not null, "title" varchar(500) not null, "description" text not null, "channel" text not null, "severity" text not null, "category" text not null, "status" text not null, "affected_users" int not null, "assignee" varchar(200) null, "team" varchar(100) null, "opened_by" varchar(200) not null, "opened_at" timestamptz not null, "closed_at" timestamptz null, "policy_version" int not null, "calendar" jsonb not null, "sla_state" jsonb not null, "sla_breached" boolean not null, "next_due_at" timestamptz null, "workflow_id" varchar(100) not null, "projected_seq" int not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "ticket" add constraint "ticket_workflow_id_unique" unique ("workflow_id");`);
    this.addSql(`create index "ticket_client_id_index" on "ticket" ("client_id");`);
    this.addSql(`create index "ticket_project_id_index" on "ticket" ("project_id");`);
    this.addSql(`create index "ticket_assignee_index" on "ticket" ("assignee");`);
    this.addSql(`create index "ticket_status_next_due_at_index" on "ticket" ("status", "next_due_at");`);

    this.addSql(`create table "sla_breach" ("ticket_id" uuid not null, "clock" text not null, "round" int not null, "due_at" timestamptz not null, "recorded_at" timestamptz not null, "late_by_millis" bigint not null, "met_at" timestamptz null, primary key ("ticket_id", "clock", "round"));`);

    this.addSql(`create index "sla_breach_due_at_index" on "sla_breach" ("due_at");`);

    this.addSql(`create table "ticket_message" ("id" uuid not null, "ticket_id" uuid not null, "kind" text not null, "author_role" text not null, "author" varchar(200) not null, "body" text not null, "created_at" timestamptz not null, primary key ("ticket_id", "id"));`);
    this.addSql(`create index "ticket_message_ticket_id_created_at_index" on "ticket_message" ("ticket_id", "created_at");`);

    this.addSql(`alter table "client" add "dedicated_csm" varchar(100) null;`);

    this.addSql(`alter table "app_user" add "team" varchar(100) null;`);

    this.addSql(`alter table "business_calendar_version" add constraint "business_calendar_version_scope_check" check ("scope" in ('AGENCY', 'TEAM', 'CLIENT'));`);

    this.addSql(`alter table "ticket" add constraint "ticket_project_id_foreign" foreign key ("project_id") references "project" ("id");`);
    this.addSql(`alter table "ticket" add constraint "ticket_client_id_foreign" foreign key ("client_id") references "client" ("id");`);
    this.addSql(`alter table "ticket" add constraint "ticket_channel_check" check ("channel" in ('PORTAL', 'EMAIL', 'PHONE', 'CHAT'));`);
    this.addSql(`alter table "ticket" add constraint "ticket_severity_check" check ("severity" in ('LOW', 'MEDIUM', 'HIGH'));`);
    this.addSql(`alter table "ticket" add constraint "ticket_category_check" check ("category" in ('SYSTEM', 'BUSINESS', 'STRATEGIC', 'COMPLAINT', 'INCIDENT'));`);
    this.addSql(`alter table "ticket" add constraint "ticket_status_check" check ("status" in ('OPEN', 'WAITING_FOR_CLIENT', 'RESOLVED', 'CLOSED'));`);

    this.addSql(`alter table "sla_breach" add constraint "sla_breach_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id");`);
    this.addSql(`alter table "sla_breach" add constraint "sla_breach_clock_check" check ("clock" in ('FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION'));`);

    this.addSql(`alter table "ticket_message" add constraint "ticket_message_ticket_id_foreign" foreign key ("ticket_id") references "ticket" ("id");`);
    this.addSql(`alter table "ticket_message" add constraint "ticket_message_kind_check" check ("kind" in ('PUBLIC_REPLY', 'INTERNAL_NOTE'));`);
    this.addSql(`alter table "ticket_message" add constraint "ticket_message_author_role_check" check ("author_role" in ('AGENT', 'CLIENT'));`);

    this.addSql(`update "app_user" set "team" = 'key-accounts' where "username" = 'mia.csm' and "team" is null;`);
    this.addSql(`update "client" set "dedicated_csm" = 'mia.csm' where "id" = '00000000-0000-4000-8000-00000000c001' and "dedicated_csm" is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "sla_breach" drop constraint "sla_breach_ticket_id_foreign";`);
    this.addSql(`alter table "ticket_message" drop constraint "ticket_message_ticket_id_foreign";`);

    this.addSql(`drop table if exists "business_calendar_version" cascade;`);
    this.addSql(`drop table if exists "sla_policy_version" cascade;`);
    this.addSql(`drop table if exists "ticket" cascade;`);
    this.addSql(`drop table if exists "sla_breach" cascade;`);
    this.addSql(`drop table if exists "ticket_message" cascade;`);

    this.addSql(`alter table "app_user" drop column "team";`);

    this.addSql(`alter table "client" drop column "dedicated_csm";`);
  }

}
