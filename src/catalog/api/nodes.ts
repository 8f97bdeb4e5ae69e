import { intPart, nodeLookup, type NodeLookup } from '../../platform/http/node.js';
import type { AddOnPack, ServicePackage } from '../entities/index.js';
import { findAddOnPack, findServicePackage } from '../services/catalogService.js';
import { findClient } from '../services/clientService.js';
import { findAddOnPackVersion, findServicePackageVersion, type AddOnVersionView, type PolicyVersionView } from '../services/policyService.js';

/** Package and add-on codes: capitals, digits and underscores. */
const codePart = (part: string | undefined) => (part !== undefined && /^[A-Z0-9_]{1,40}$/.test(part) ? part : undefined);

/** How `node(id)` finds the catalog's objects (src/platform/http/node.ts). */
export const CATALOG_NODES: NodeLookup[] = [
  nodeLookup({
    type: 'Client',
    uuid: { table: 'client', idColumn: 'uuid', key: 'id::text' },
    load: (ctx, [id]) => findClient(ctx, id!),
  }),
  nodeLookup<ServicePackage>({
    type: 'ServicePackage',
    keyOf: (row) => [row.code],
    load: async (ctx, parts) => {
      const code = parts.length === 1 ? codePart(parts[0]) : undefined;
      return code === undefined ? null : findServicePackage(ctx, code);
    },
  }),
  nodeLookup<AddOnPack>({
    type: 'AddOnPack',
    keyOf: (row) => [row.code],
    load: async (ctx, parts) => {
      const code = parts.length === 1 ? codePart(parts[0]) : undefined;
      return code === undefined ? null : findAddOnPack(ctx, code);
    },
  }),
  nodeLookup<PolicyVersionView>({
    type: 'ServicePackageVersion',
    keyOf: (row) => [row.code, row.version],
    load: async (ctx, parts) => {
      const [code, version] = parts.length === 2 ? [codePart(parts[0]), intPart(parts[1])] : [];
      return code === undefined || version === undefined ? null : findServicePackageVersion(ctx, code, version);
    },
  }),
  nodeLookup<AddOnVersionView>({
    type: 'AddOnPackVersion',
    keyOf: (row) => [row.code, row.version],
    load: async (ctx, parts) => {
      const [code, version] = parts.length === 2 ? [codePart(parts[0]), intPart(parts[1])] : [];
      return code === undefined || version === undefined ? null : findAddOnPackVersion(ctx, code, version);
    },
  }),
];
