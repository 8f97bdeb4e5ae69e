import { Migration } from '@mikro-orm/migrations';

/** What the service dashboard and the risk signal read by: timeline events of one type in a period, tickets by opening. */
export class Migration20261127182752_DashboardIndexes extends Migration {

  override name = 'Migration20261127182752_DashboardIndexes';

  override up(): void | Promise<void> {
    this.addSql(`create index "ticket_opened_at_index" on "ticket" ("opened_at");`);

    this.addSql(`create index "timeline_event_type_occurred_at_index" on "timeline_event" ("type", "occurred_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "ticket_opened_at_index";`);

    this.addSql(`drop index "timeline_event_type_occurred_at_index";`);
  }

}
