import type pg from 'pg';

/** The floor's one activity: one INSERT into the floor's own table, in the bench's database. */
export function floorActivities(pool: pg.Pool) {
  return {
    async insertFloorEvent(workflowId: string, seq: number, summary: string): Promise<void> {
      await pool.query({
        name: 'floor-insert',
        text: 'insert into bench_floor_event (workflow_id, seq, summary, occurred_at) values ($1, $2, $3, now())',
        values: [workflowId, seq, summary],
      });
    },
  };
}

export type FloorActivities = ReturnType<typeof floorActivities>;
