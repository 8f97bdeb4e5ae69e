import type { ServiceContext } from '../../platform/serviceContext.js';
import { AddOnPack, ServicePackage } from '../entities/index.js';

/** The packages and add-ons the agency sells, in a stable order. */
export async function listServicePackages(ctx: ServiceContext): Promise<ServicePackage[]> {
  return ctx.em.find(ServicePackage, {}, { orderBy: { code: 'asc' } });
}

export async function listAddOnPacks(ctx: ServiceContext): Promise<AddOnPack[]> {
  return ctx.em.find(AddOnPack, {}, { orderBy: { code: 'asc' } });
}
