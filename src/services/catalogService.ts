import type { RequestContext } from '../api/context.js';
import { AddOnPack, ServicePackage } from '../db/entities/index.js';

/** The packages and add-ons the agency sells, in a stable order. */
export async function listServicePackages(ctx: RequestContext): Promise<ServicePackage[]> {
  return ctx.em.find(ServicePackage, {}, { orderBy: { code: 'asc' } });
}

export async function listAddOnPacks(ctx: RequestContext): Promise<AddOnPack[]> {
  return ctx.em.find(AddOnPack, {}, { orderBy: { code: 'asc' } });
}
