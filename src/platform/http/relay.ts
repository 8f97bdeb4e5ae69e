import { ArgsType, Field, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { unstorableText } from '../../shared/domain/storable.js';
import { DomainError } from '../domainError.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageRequest, type SortDirection } from '../pagination.js';
import { isUuid } from '../../shared/domain/uuid.js';

/**
 * Relay connections (https://relay.dev/graphql/connections.htm) for every list of the
 * API: the arguments, `PageInfo`, edge and connection types made per node type, and
 * opaque cursors. A cursor is the base64url of a JSON array of the row's sort values and
 * its id; clients must not read it, and one that was not made here is BAD_USER_INPUT.
 * The services page by keyset (src/platform/pagination.ts), never by OFFSET.
 */

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items to return from the start of the list (or just after \`after\`): 0 to ${MAX_PAGE_SIZE}. ${DEFAULT_PAGE_SIZE} when neither \`first\` nor \`last\` is given. Not together with \`last\`.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The cursor of an edge: the page holds only items after it.' })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `How many items to return from the end of the list (or just before \`before\`): 0 to ${MAX_PAGE_SIZE}. Not together with \`first\`.`,
  })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'The cursor of an edge: the page holds only items before it.' })
  before?: string | null;
}

/** Most values one list criterion of a filter input may name. */
export const MAX_FILTER_VALUES = 100;

/** ASC or DESC, for every list that lets its order be chosen. */
export const OrderDirectionEnum = { ASC: 'ASC', DESC: 'DESC' } as const;
export type OrderDirection = keyof typeof OrderDirectionEnum;
registerEnumType(OrderDirectionEnum, {
  name: 'OrderDirection',
  description: 'Which way a list is sorted.',
  valuesConfig: { ASC: { description: 'Smallest first: oldest, or A to Z.' }, DESC: { description: 'Largest first: newest, or Z to A.' } },
});

/** The services' spelling of an order direction. */
export const sortDirection = (direction: OrderDirection): SortDirection => (direction === 'ASC' ? 'asc' : 'desc');

@ObjectType('PageInfo', { description: 'Where a page lies in its list, and the cursors to ask for the pages around it.' })
export class PageInfoType {
  @Field(() => Boolean, { description: 'Whether items follow this page (ask with `first` and `after: endCursor`).' })
  hasNextPage!: boolean;

  @Field(() => Boolean, {
    description:
      'Whether items precede this page (ask with `last` and `before: startCursor`). On a page asked for with `after` it is true, the item at that cursor being one.',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first edge's cursor; null on an empty page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "The last edge's cursor; null on an empty page." })
  endCursor!: string | null;
}

/** An edge's shape: a cursor and a node of `T`. */
export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What a connection resolver returns; `totalCount` is counted only when a client asks for it. */
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfoType;
  countTotal: () => Promise<number>;
}

/** The edge type of a node type, to extend: `@ObjectType('ProjectEdge') class ProjectEdge extends EdgeType(ProjectType) {}`. */
export function EdgeType<T extends object>(nodeType: ClassType<T>, nodeDescription: string) {
  @ObjectType()
  abstract class EdgeBase implements Edge<T> {
    @Field(() => String, { description: 'Where this item lies in the list: pass it as `after` or `before` to page from here. Opaque.' })
    cursor!: string;

    @Field(() => nodeType, { description: nodeDescription })
    node!: T;
  }
  return EdgeBase;
}

/** The connection type of an edge type, to extend: `@ObjectType('ProjectConnection') class ProjectConnection extends ConnectionType(ProjectEdge, '…') {}`. */
export function ConnectionType<E extends Edge<unknown>>(edgeType: ClassType<E>, totalDescription: string) {
  @ObjectType()
  abstract class ConnectionBase {
    @Field(() => [edgeType], { description: 'The items of this page, in list order, each with its cursor.' })
    edges!: E[];

    @Field(() => PageInfoType, { description: 'Whether pages lie before and after this one, and the cursors to reach them.' })
    pageInfo!: PageInfoType;

    /** Counts the whole list; called only when `totalCount` is asked for. */
    countTotal!: () => Promise<number>;

    // A field resolved by a method: type-graphql makes the plain object `connectionOf`
    // returns an instance of the connection class first, so the method is there to call.
    @Field(() => Int, { description: totalDescription })
    totalCount(): Promise<number> {
      return this.countTotal();
    }
  }
  return ConnectionBase;
}

/** The opaque cursor of a row's sort values and id: base64url of their JSON array (dates as ISO strings). */
export function encodeCursor(values: readonly (string | number | Date)[]): string {
  return Buffer.from(JSON.stringify(values.map((value) => (value instanceof Date ? value.toISOString() : value)))).toString('base64url');
}

/** Longest cursor accepted: a 200-character name, a timestamp and a UUID fit with room to spare. */
const MAX_CURSOR_LENGTH = 1200;

/** Reads one part of a cursor's array; undefined when the part is not what the list's cursors hold. */
export type CursorPart<T> = (value: unknown) => T | undefined;

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The parts cursors are made of, checked as strictly as the columns they are compared with. */
export const cursorParts = {
  uuid: ((value) => (isUuid(value) ? value : undefined)) as CursorPart<string>,
  timestamp: ((value) => {
    if (typeof value !== 'string' || !ISO_TIMESTAMP.test(value)) return undefined;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }) as CursorPart<Date>,
  text: (maxLength: number): CursorPart<string> =>
    (value) => (typeof value === 'string' && value.length <= maxLength && unstorableText(value) === null ? value : undefined),
  int: ((value) => (Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= 2_147_483_647 ? (value as number) : undefined)) as CursorPart<number>,
};

/** A reader of cursors made of `parts`, in order; null for any other array. */
export function cursorShape<T extends unknown[]>(...parts: { [I in keyof T]: CursorPart<T[I]> }): (values: unknown[]) => T | null {
  return (values) => {
    if (values.length !== parts.length) return null;
    const read = parts.map((part, index) => (part as CursorPart<unknown>)(values[index]));
    return read.includes(undefined) ? null : (read as T);
  };
}

function decodeCursor<K>(argument: 'after' | 'before', cursor: string, read: (values: unknown[]) => K | null): K {
  const refuse = () =>
    new DomainError('INVALID_INPUT', `${argument} is not a cursor of this list: pass a cursor from its edges or pageInfo as it was given.`, {
      field: argument,
    });
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse();
  const bytes = Buffer.from(cursor, 'base64url');
  // Only the one spelling this module writes: base64url is lenient about trailing bits.
  if (bytes.toString('base64url') !== cursor) throw refuse();
  let values: unknown;
  try {
    values = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw refuse();
  }
  const key = Array.isArray(values) ? read(values) : null;
  if (key === null) throw refuse();
  return key;
}

function checkSize(argument: 'first' | 'last', size: number): number {
  if (size < 0 || size > MAX_PAGE_SIZE) {
    throw new DomainError('INVALID_INPUT', `${argument} must be between 0 and ${MAX_PAGE_SIZE}; it is ${size}.`, { field: argument, max: MAX_PAGE_SIZE });
  }
  return size;
}

/**
 * The page the Relay arguments ask for, their cursors read with `read` (which knows the
 * list's cursor shape). Refuses, as BAD_USER_INPUT naming the argument, a size outside
 * 0–100, `first` with `last`, and any cursor this list did not make.
 */
export function pageRequest<K>(args: ConnectionArgs, read: (values: unknown[]) => K | null): PageRequest<K> {
  if (args.first != null && args.last != null) {
    throw new DomainError('INVALID_INPUT', 'Pass first or last, not both: first pages forward from after, last backward from before.', { field: 'last' });
  }
  const after = args.after == null ? null : decodeCursor('after', args.after, read);
  const before = args.before == null ? null : decodeCursor('before', args.before, read);
  if (args.last != null) return { direction: 'backward', size: checkSize('last', args.last), after, before };
  return { direction: 'forward', size: checkSize('first', args.first ?? DEFAULT_PAGE_SIZE), after, before };
}

/** The connection of a page: an edge per row with the cursor of `cursorOf(row)`, its PageInfo, and the count to run if asked. */
export function connectionOf<T>(page: Page<T>, cursorOf: (row: T) => readonly (string | number | Date)[], countTotal: () => Promise<number>): Connection<T> {
  const edges = page.rows.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    countTotal,
  };
}
