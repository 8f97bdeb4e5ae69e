import { Migration } from '@mikro-orm/migrations';

/** Users who sign in, with their role and (for client users) their client. */
export class Migration20261127150007_Users extends Migration {

  override name = 'Migration20261127150007_Users';

  override up(): void | Promise<void> {
    this.addSql(`create table "app_user" ("id" uuid not null, "username" varchar(100) not null, "display_name" varchar(200) not null, "role" text not null, "client_id" uuid null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_username_unique" unique ("username");`);

    this.addSql(`alter table "app_user" add constraint "app_user_client_id_foreign" foreign key ("client_id") references "client" ("id") on delete set null;`);
    this.addSql(`alter table "app_user" add constraint "app_user_role_check" check ("role" in ('ADMIN', 'LEAD', 'CSM', 'CLIENT'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "app_user" cascade;`);
  }

}
