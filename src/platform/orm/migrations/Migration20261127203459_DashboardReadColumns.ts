import { Migration } from '@mikro-orm/migrations';

/**
 * What the service dashboard reads for thousands of rows, kept where it is cheap to read (issue 11, scale):
 * generated copies of the first-response clock (ticket) and of the policy's guardrails and minimum rounds
 * (project), so no jsonb is decompressed per row; and the first event of a type per project with its
 * instant in the index.
 */
export class Migration20261127203459_DashboardReadColumns extends Migration {

  override name = 'Migration20261127203459_DashboardReadColumns';

  override up(): void | Promise<void> {
    this.addSql(`alter table "project" add "cost_share_guardrails" jsonb generated always as (policy->'costShareGuardrails') stored null, add "min_communication_rounds" double precision generated always as ((policy->>'minCommunicationRounds')::float8) stored null;`);

    this.addSql(`alter table "ticket" add "first_response_stopped_by" text generated always as (sla_state->'firstResponse'->>'stoppedBy') stored null, add "first_response_stopped_at_millis" double precision generated always as ((sla_state->'firstResponse'->>'stoppedAt')::float8) stored null, add "first_response_wall_clock_due_millis" double precision generated always as ((sla_state->'firstResponse'->>'start')::float8 + (sla_state->'firstResponse'->>'targetMillis')::float8) stored null, add "sla_calendar" text generated always as (sla_state->'targets'->>'calendar') stored null;`);

    this.addSql(`drop index "timeline_event_type_project_id_seq_index";`);
    this.addSql(`create index "timeline_event_type_project_id_seq_index" on "timeline_event" ("type", "project_id", "seq") include ("occurred_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "project" drop column "cost_share_guardrails", drop column "min_communication_rounds";`);

    this.addSql(`alter table "ticket" drop column "first_response_stopped_by", drop column "first_response_stopped_at_millis", drop column "first_response_wall_clock_due_millis", drop column "sla_calendar";`);

    this.addSql(`drop index "timeline_event_type_project_id_seq_index";`);
    this.addSql(`create index "timeline_event_type_project_id_seq_index" on "timeline_event" ("type", "project_id", "seq");`);
  }

}
