/**
 * Keyset pagination as the services see it, free of GraphQL: a page request (which way,
 * how many, between which positions) and the page that answers it. The API turns Relay
 * arguments and opaque cursors into a `PageRequest` (src/platform/http/relay.ts); a
 * service turns it into `WHERE (sort, id) > (…)` and `LIMIT size + 1`, never OFFSET, so a
 * page costs the same however deep it is and rows inserted meanwhile shift nothing.
 */

/** Most rows a page may ask for. */
export const MAX_PAGE_SIZE = 100;
/** Rows a page holds when the request names no size. */
export const DEFAULT_PAGE_SIZE = 20;

export type SortDirection = 'asc' | 'desc';

/**
 * One page of an ordered list. `after` and `before` are keyset positions (the sort
 * values of a row plus its id): the page holds only rows strictly between them.
 * `forward` takes the first `size` rows past `after`; `backward` the last `size` rows
 * before `before`.
 */
export interface PageRequest<K> {
  direction: 'forward' | 'backward';
  size: number;
  after: K | null;
  before: K | null;
}

/** A page of rows in list order, and whether rows lie beyond it on either side. */
export interface Page<T> {
  rows: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** The direction to read the table in: the list's own, or reversed for a backward page. */
export function queryDirection(request: Pick<PageRequest<unknown>, 'direction'>, listDirection: SortDirection): SortDirection {
  if (request.direction === 'forward') return listDirection;
  return listDirection === 'asc' ? 'desc' : 'asc';
}

/** The comparison that keeps rows strictly on the page's side of a bound: `(sort, id) <op> (bound)`. */
export function keysetOperator(bound: 'after' | 'before', listDirection: SortDirection): '>' | '<' {
  return (bound === 'after') === (listDirection === 'asc') ? '>' : '<';
}

/**
 * The page from what the query fetched: up to `size + 1` rows read in `queryDirection`
 * (the extra row only tells that more follow). Backward pages are read reversed and put
 * back in list order here. Whether rows lie on the side the request came from is known
 * from its bound: a row at the cursor itself is one (the usual case), and Relay allows
 * this answer when an exact one would cost another query.
 */
export function pageOf<T>(request: PageRequest<unknown>, fetched: readonly T[]): Page<T> {
  const more = fetched.length > request.size;
  const rows = fetched.slice(0, request.size);
  if (request.direction === 'forward') return { rows, hasNextPage: more, hasPreviousPage: request.after !== null };
  return { rows: rows.reverse(), hasNextPage: request.before !== null, hasPreviousPage: more };
}

/** Escapes `%`, `_` and `\` so that `text` matches itself literally inside a LIKE pattern (backslash is Postgres's default escape). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
