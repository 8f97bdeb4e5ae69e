import { Migration } from '@mikro-orm/migrations';

/** What the service dashboard and the risk signal read by: timeline events by type (in a period, and first per project), tickets by opening, a client's projects by creation. */
export class Migration20261127182752_DashboardIndexes extends Migration {

  override name = 'Migration20261127182752_DashboardIndexes';

  override up(): void | Promise<void> {
    this.addSql(`create index "ticket_opened_at_index" on "ticket" ("opened_at");`);
    this.addSql(`create index "project_client_id_created_at_index" on "project" ("client_id", "created_at");`);

    this.addSql(`create index "timeline_event_type_occurred_at_index" on "timeline_event" ("type", "occurred_at");`);
    this.addSql(`create index "timeline_event_type_project_id_seq_index" on "timeline_event" ("type", "project_id", "seq");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "ticket_opened_at_index";`);
    this.addSql(`drop index "project_client_id_created_at_index";`);
    this.addSql(`drop index "timeline_event_type_project_id_seq_index";`);

    this.addSql(`drop index "timeline_event_type_occurred_at_index";`);
  }

}
