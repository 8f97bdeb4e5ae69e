import { Migration } from '@mikro-orm/migrations';

/**
 * For the service value dashboard: a project's promised delivery date (on-time delivery)
 * and a ticket's first-response time in business time (median response time), written by
 * the ticket projection; tickets answered before keep null.
 */
export class Migration20261127180523_PlannedDeliveryAndFirstResponseTime extends Migration {

  override name = 'Migration20261127180523_PlannedDeliveryAndFirstResponseTime';

  override up(): void | Promise<void> {
    this.addSql(`alter table "project" add "planned_delivery_at" timestamptz null;`);

    this.addSql(`alter table "ticket" add "first_response_business_millis" bigint null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "project" drop column "planned_delivery_at";`);

    this.addSql(`alter table "ticket" drop column "first_response_business_millis";`);
  }

}
