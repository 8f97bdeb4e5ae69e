import { Migration } from '@mikro-orm/migrations';

/**
 * Policies with versions: `service_package_version` and `add_on_pack_version` keep every
 * version (the rows already there become version 1), projects record the versions they
 * started on, and an idempotency key keeps the id its first request minted (createProject).
 */
export class Migration20261127151206_PolicyVersionsAndProjectRecords extends Migration {

  override name = 'Migration20261127151206_PolicyVersionsAndProjectRecords';

  override up(): void | Promise<void> {
    this.addSql(`create table "add_on_pack_version" ("add_on_pack_code" varchar(40) not null, "version" int not null, "name" varchar(100) not null, "description" text not null, "effect" jsonb not null, "created_by" varchar(200) not null, "created_at" timestamptz not null, primary key ("add_on_pack_code", "version"));`);

    this.addSql(`create table "service_package_version" ("service_package_code" varchar(40) not null, "version" int not null, "policy" jsonb not null, "created_by" varchar(200) not null, "created_at" timestamptz not null, primary key ("service_package_code", "version"));`);

    this.addSql(`alter table "add_on_pack" add "version" int not null default 1;`);

    this.addSql(`alter table "idempotency_key" add "result_id" varchar(100) null;`);

    this.addSql(`alter table "service_package" add "version" int not null default 1;`);

    this.addSql(`alter table "project" add "policy_version" int not null default 1, add "add_on_versions" jsonb null;`);

    this.addSql(`alter table "add_on_pack_version" add constraint "add_on_pack_version_add_on_pack_code_foreign" foreign key ("add_on_pack_code") references "add_on_pack" ("code");`);

    this.addSql(`alter table "service_package_version" add constraint "service_package_version_service_package_code_foreign" foreign key ("service_package_code") references "service_package" ("code");`);

    // What exists now is version 1 of each package and add-on, and every project started on it.
    this.addSql(`insert into "service_package_version" ("service_package_code", "version", "policy", "created_by", "created_at") select "code", 1, "policy", 'seed', "updated_at" from "service_package";`);
    this.addSql(`insert into "add_on_pack_version" ("add_on_pack_code", "version", "name", "description", "effect", "created_by", "created_at") select "code", 1, "name", "description", "effect", 'seed', now() from "add_on_pack";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "add_on_pack_version" cascade;`);
    this.addSql(`drop table if exists "service_package_version" cascade;`);

    this.addSql(`alter table "add_on_pack" drop column "version";`);

    this.addSql(`alter table "idempotency_key" drop column "result_id";`);

    this.addSql(`alter table "project" drop column "policy_version", drop column "add_on_versions";`);

    this.addSql(`alter table "service_package" drop column "version";`);
  }

}
