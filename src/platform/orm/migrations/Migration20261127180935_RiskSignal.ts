import { Migration } from '@mikro-orm/migrations';

/**
 * The weekly risk signal (issue 10): `risk_signal_run` keeps each measured week's complaint
 * counts (the agency's as columns, each client's in `clients`), keyed by the week's Monday,
 * so the signal run again for a week reads the same figures; `service_audit` holds the audits
 * a rise of the complaint rate opens, with owner, due date, status and whether their
 * notification went out, unique per week and scope (`scope_key` is the client's id, '' for
 * the agency, so the agency's audit is unique too) so that no run opens one twice.
 */
export class Migration20261127180935_RiskSignal extends Migration {

  override name = 'Migration20261127180935_RiskSignal';

  override up(): void | Promise<void> {
    this.addSql(`create table "risk_signal_run" ("week_start" date not null, "computed_at" timestamptz not null, "complaints" int not null, "active_projects" int not null, "previous_complaints" int not null, "previous_active_projects" int not null, "rate" double precision null, "previous_rate" double precision null, "change" double precision null, "clients" jsonb not null, primary key ("week_start"));`);

    this.addSql(`create table "service_audit" ("id" uuid not null, "week_start" date not null, "scope" text not null, "scope_key" varchar(36) not null, "client_id" uuid null, "complaints" int not null, "active_projects" int not null, "previous_complaints" int not null, "previous_active_projects" int not null, "rate" double precision not null, "previous_rate" double precision null, "change" double precision null, "reason" text not null, "owner" varchar(100) not null, "due_at" timestamptz not null, "status" text not null, "created_at" timestamptz not null, "notified_at" timestamptz null, "notify_claimed_at" timestamptz null, "completed_at" timestamptz null, "completed_by" varchar(100) null, "note" text null, primary key ("id"));`);
    this.addSql(`create index "service_audit_status_week_start_index" on "service_audit" ("status", "week_start");`);
    this.addSql(`alter table "service_audit" add constraint "service_audit_week_start_scope_scope_key_unique" unique ("week_start", "scope", "scope_key");`);

    this.addSql(`alter table "service_audit" add constraint "service_audit_client_id_foreign" foreign key ("client_id") references "client" ("id") on delete set null;`);
    this.addSql(`alter table "service_audit" add constraint "service_audit_scope_check" check ("scope" in ('AGENCY', 'CLIENT'));`);
    this.addSql(`alter table "service_audit" add constraint "service_audit_status_check" check ("status" in ('OPEN', 'DONE'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "risk_signal_run" cascade;`);
    this.addSql(`drop table if exists "service_audit" cascade;`);
  }

}
