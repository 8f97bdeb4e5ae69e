/**
 * One way a read-model row disagrees with the workflow it projects (the workflow is the
 * source of truth): found by the reconciliation services, listed by `npm run reconcile`.
 */
export interface ProjectionDifference {
  /** What kind of workflow: a project's SOP or a ticket's SLA. */
  entity: 'project' | 'ticket';
  id: string;
  /** The column (or `timeline_event`, `row`, `workflow`) that differs. */
  field: string;
  /** What the workflow says, and what the read model holds. */
  workflow: unknown;
  projection: unknown;
}

/** JSON with object keys sorted, so values that Postgres' jsonb re-ordered still compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** One line a person can read: `project 1234… stage: workflow DEVELOPMENT, read model REQUIREMENTS`. */
export function describeDifference(difference: ProjectionDifference): string {
  const show = (value: unknown) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return text === undefined ? 'nothing' : text.length > 120 ? `${text.slice(0, 117)}...` : text;
  };
  return `${difference.entity} ${difference.id} ${difference.field}: workflow ${show(difference.workflow)}, read model ${show(difference.projection)}`;
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of the results. */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
