import { Migration } from '@mikro-orm/migrations';

/** Client tiers with a history: every change with who, why and what the data suggested then. */
export class Migration20261127175112_ClientTierHistory extends Migration {

  override name = 'Migration20261127175112_ClientTierHistory';

  override up(): void | Promise<void> {
    this.addSql(`create table "client_tier_change" ("id" uuid not null, "client_id" uuid not null, "from_tier" text not null, "to_tier" text not null, "changed_by" varchar(200) not null, "reason" text not null, "suggestion" jsonb null, "changed_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "client_tier_change_client_id_changed_at_index" on "client_tier_change" ("client_id", "changed_at");`);

    this.addSql(`alter table "client_tier_change" add constraint "client_tier_change_client_id_foreign" foreign key ("client_id") references "client" ("id");`);
    this.addSql(`alter table "client_tier_change" add constraint "client_tier_change_from_tier_check" check ("from_tier" in ('A', 'B', 'C'));`);
    this.addSql(`alter table "client_tier_change" add constraint "client_tier_change_to_tier_check" check ("to_tier" in ('A', 'B', 'C'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "client_tier_change" cascade;`);
  }

}
