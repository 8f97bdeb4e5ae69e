import { Migration } from '@mikro-orm/migrations';

/**
 * One name for a project's history: `stage_event` becomes `timeline_event`. Its details
 * are typed per event type from now on; rows written before held the raw update payload,
 * which is not a shape the API promises, so their details are cleared (creation events
 * already had today's shape and keep theirs).
 */
export class Migration20261123140000_TimelineEvents extends Migration {
  override name = 'Migration20261123140000_TimelineEvents';

  override up(): void | Promise<void> {
    this.addSql(`alter table "stage_event" rename to "timeline_event";`);
    for (const suffix of ['pkey', 'project_id_foreign', 'type_check', 'from_stage_check', 'to_stage_check']) {
      this.addSql(`alter table "timeline_event" rename constraint "stage_event_${suffix}" to "timeline_event_${suffix}";`);
    }
    this.addSql(`alter table "timeline_event" alter column "details" type jsonb using ("details"::jsonb), alter column "details" drop not null;`);
    this.addSql(`update "timeline_event" set "details" = null where "type" <> 'PROJECT_CREATED';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`update "timeline_event" set "details" = '{}' where "details" is null;`);
    this.addSql(`alter table "timeline_event" alter column "details" set not null;`);
    for (const suffix of ['pkey', 'project_id_foreign', 'type_check', 'from_stage_check', 'to_stage_check']) {
      this.addSql(`alter table "timeline_event" rename constraint "timeline_event_${suffix}" to "stage_event_${suffix}";`);
    }
    this.addSql(`alter table "timeline_event" rename to "stage_event";`);
  }
}
