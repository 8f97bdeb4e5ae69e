import { Migration } from '@mikro-orm/migrations';

export class Migration20261122123313_Initial extends Migration {

  override name = 'Migration20261122123313_Initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "add_on_pack" ("code" varchar(40) not null, "name" varchar(100) not null, "description" text not null, "effect" jsonb not null, primary key ("code"));`);

    this.addSql(`create table "client" ("id" uuid not null, "name" varchar(200) not null, "tier" text not null, "contact_email" varchar(320) null, "created_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`create table "service_package" ("code" varchar(40) not null, "name" varchar(100) not null, "description" text not null, "policy" jsonb not null, "updated_at" timestamptz not null, primary key ("code"));`);

    this.addSql(`create table "project" ("id" uuid not null, "name" varchar(200) not null, "client_id" uuid not null, "service_package_code" varchar(40) not null, "project_lead" varchar(200) not null, "staging_url" varchar(2048) null, "workflow_id" varchar(100) not null, "policy" jsonb not null, "stage" text not null, "communication_rounds" int not null default 0, "projected_seq" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "project" add constraint "project_workflow_id_unique" unique ("workflow_id");`);
    this.addSql(`create index "project_client_id_index" on "project" ("client_id");`);

    this.addSql(`create table "project_add_ons" ("project_id" uuid not null, "add_on_pack_code" varchar(40) not null, primary key ("project_id", "add_on_pack_code"));`);

    this.addSql(`create table "stage_event" ("project_id" uuid not null, "seq" int not null, "type" text not null, "from_stage" text not null, "to_stage" text not null, "actor" varchar(200) not null, "occurred_at" timestamptz not null, "summary" text not null, "details" jsonb not null, primary key ("project_id", "seq"));`);

    this.addSql(`alter table "client" add constraint "client_tier_check" check ("tier" in ('A', 'B', 'C'));`);

    this.addSql(`alter table "project" add constraint "project_client_id_foreign" foreign key ("client_id") references "client" ("id");`);
    this.addSql(`alter table "project" add constraint "project_service_package_code_foreign" foreign key ("service_package_code") references "service_package" ("code");`);
    this.addSql(`alter table "project" add constraint "project_stage_check" check ("stage" in ('REQUIREMENTS', 'DEVELOPMENT', 'STRESS_TEST', 'ACCEPTANCE', 'AFTERCARE', 'CLOSED', 'CANCELLED'));`);

    this.addSql(`alter table "project_add_ons" add constraint "project_add_ons_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project_add_ons" add constraint "project_add_ons_add_on_pack_code_foreign" foreign key ("add_on_pack_code") references "add_on_pack" ("code") on update cascade on delete cascade;`);

    this.addSql(`alter table "stage_event" add constraint "stage_event_project_id_foreign" foreign key ("project_id") references "project" ("id");`);
    this.addSql(`alter table "stage_event" add constraint "stage_event_type_check" check ("type" in ('PROJECT_CREATED', 'COMMUNICATION_ROUND_LOGGED', 'REQUIREMENTS_SIGNED_OFF'));`);
    this.addSql(`alter table "stage_event" add constraint "stage_event_from_stage_check" check ("from_stage" in ('REQUIREMENTS', 'DEVELOPMENT', 'STRESS_TEST', 'ACCEPTANCE', 'AFTERCARE', 'CLOSED', 'CANCELLED'));`);
    this.addSql(`alter table "stage_event" add constraint "stage_event_to_stage_check" check ("to_stage" in ('REQUIREMENTS', 'DEVELOPMENT', 'STRESS_TEST', 'ACCEPTANCE', 'AFTERCARE', 'CLOSED', 'CANCELLED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "project_add_ons" drop constraint "project_add_ons_add_on_pack_code_foreign";`);
    this.addSql(`alter table "project" drop constraint "project_client_id_foreign";`);
    this.addSql(`alter table "project" drop constraint "project_service_package_code_foreign";`);
    this.addSql(`alter table "project_add_ons" drop constraint "project_add_ons_project_id_foreign";`);
    this.addSql(`alter table "stage_event" drop constraint "stage_event_project_id_foreign";`);

    this.addSql(`drop table if exists "add_on_pack" cascade;`);
    this.addSql(`drop table if exists "client" cascade;`);
    this.addSql(`drop table if exists "service_package" cascade;`);
    this.addSql(`drop table if exists "project" cascade;`);
    this.addSql(`drop table if exists "project_add_ons" cascade;`);
    this.addSql(`drop table if exists "stage_event" cascade;`);
  }

}
