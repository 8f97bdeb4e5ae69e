import { Migration } from '@mikro-orm/migrations';

export class Migration20261127212127_ProjectListOrderIndexes extends Migration {

  override name = 'Migration20261127212127_ProjectListOrderIndexes';

  override up(): void | Promise<void> {
    this.addSql(`create index "project_created_at_id_index" on "project" ("created_at", "id");`);
    this.addSql(`create index "project_updated_at_id_index" on "project" ("updated_at", "id");`);
    this.addSql(`create index "project_name_id_index" on "project" ("name", "id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "project_created_at_id_index";`);
    this.addSql(`drop index "project_updated_at_id_index";`);
    this.addSql(`drop index "project_name_id_index";`);
  }

}
