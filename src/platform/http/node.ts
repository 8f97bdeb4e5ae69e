import { Field, ID, InterfaceType } from 'type-graphql';
import type { ServiceContext } from '../serviceContext.js';
import { isUuid } from '../../shared/domain/uuid.js';

/**
 * Relay Global Object Identification (https://relay.dev/graphql/objectidentification.htm):
 * the `Node` interface, global ids and the table of lookups `node(id)` reads.
 *
 * - An entity whose key is a UUID the server minted (projects, clients, cost entries,
 *   requirements, change orders) keeps that UUID as its global id: it is unique across
 *   tables already.
 * - Any other entity's global id is opaque: the base64url of `<Type>:<key parts joined
 *   by ':'>` (`TimelineEvent:<projectId>:<seq>`). Clients must not read or build it.
 *
 * Contexts describe their node types as `NodeLookup`s in their own `api/` layer; the
 * schema (src/platform/http/graphqlSchema.ts) hands them to `createNodeResolver`
 * (./NodeResolver.ts). This module imports no context.
 */

/** Longest global id accepted: the longest key (a site check's) fits with room to spare. */
export const MAX_GLOBAL_ID_LENGTH = 400;

/** Most ids one `nodes` call may ask for. */
export const MAX_NODE_IDS = 100;

/** The GraphQL type each object `node`/`nodes` answered is of, for `Node`'s resolveType. */
const nodeTypes = new WeakMap<object, string>();

/** Records which GraphQL type `value` is answered as by `node` or `nodes`. */
export function markNodeType<T extends object>(value: T, type: string): T {
  nodeTypes.set(value, type);
  return value;
}

@InterfaceType('Node', {
  description:
    'An object with a global id (Relay Global Object Identification): `node(id)` fetches it again by that id alone. Ids of objects keyed by a UUID are that UUID; others are opaque strings.',
  resolveType: (value: object) => nodeTypes.get(value),
  // Every implementation is reachable from a query: listing them again would only reorder the emitted SDL.
  autoRegisterImplementations: false,
})
export abstract class NodeInterface {
  @Field(() => ID, {
    description: 'Global id of the object, unique across every type: pass it to `node(id)` or `nodes(ids)`. Opaque unless it is a UUID: do not read or build it.',
  })
  id!: string;
}

/** The opaque global id of an object of `type` keyed by `parts`: base64url of `Type:part:part…`. */
export function encodeGlobalId(type: string, parts: readonly (string | number)[]): string {
  return Buffer.from([type, ...parts.map(String)].join(':')).toString('base64url');
}

/** The type and key parts of an opaque global id; null for anything `encodeGlobalId` did not make. */
export function decodeGlobalId(id: string): { type: string; parts: string[] } | null {
  if (id.length === 0 || id.length > MAX_GLOBAL_ID_LENGTH || !/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const bytes = Buffer.from(id, 'base64url');
  // Only the one spelling encodeGlobalId writes: base64url is lenient about trailing bits.
  if (bytes.toString('base64url') !== id) return null;
  const text = bytes.toString('utf8');
  // Keys are printable ASCII: codes, numbers, UUIDs and schedule slots.
  if (!/^[\x20-\x7e]+$/.test(text)) return null;
  const [type, ...parts] = text.split(':');
  if (!type || !/^[A-Za-z]+$/.test(type) || parts.length === 0 || parts.some((part) => part === '')) return null;
  return { type, parts };
}

/** A key part that must be a non-negative 32-bit integer, as written by `encodeGlobalId`; undefined otherwise. */
export function intPart(part: string | undefined): number | undefined {
  if (part === undefined || !/^(0|[1-9]\d{0,9})$/.test(part)) return undefined;
  const value = Number(part);
  return value <= 2_147_483_647 ? value : undefined;
}

/** A key part that must be UUID-shaped (a project id inside an opaque id); undefined otherwise. */
export function uuidPart(part: string | undefined): string | undefined {
  return isUuid(part) ? part.toLowerCase() : undefined;
}

/** Where a UUID-keyed type's rows are, for the one statement that finds which type a UUID is of. */
export interface UuidTable {
  /** The table (a constant of the code, never input). */
  table: string;
  /** The SQL type of its `id` column: `uuid`, or `text` for ids minted as UUIDs in a text column. */
  idColumn: 'uuid' | 'text';
  /**
   * A SQL expression over the row giving the key parts `load` receives, joined by ':'
   * (e.g. `project_id::text || ':' || id`). A constant of the code, never input.
   */
  key: string;
}

/** How `node(id)` finds one type's objects, and what their global id is. */
export interface NodeLookup<T extends object = object> {
  /** The GraphQL object type, which must implement `Node`. */
  type: string;
  /** For a type keyed by a UUID that is its global id: where its rows are. */
  uuid?: UuidTable;
  /** For a type with an opaque global id: the key parts of an object, in the order `load` takes them. */
  keyOf?: (row: T) => readonly (string | number)[];
  /**
   * The object with these key parts if the viewer may read it; null when it does not
   * exist, when the parts are not a key of this type, or when the viewer may not read it
   * (through the same services, hence the same row scope, as the direct queries).
   */
  load(ctx: ServiceContext, parts: readonly string[]): Promise<T | null | undefined>;
}

/** A lookup, typed for its own rows and listed with others. */
export const nodeLookup = <T extends object>(lookup: NodeLookup<T>): NodeLookup => lookup as unknown as NodeLookup;
