import type { ServiceContext } from '../../platform/serviceContext.js';
import { AddOnPack, ServicePackage } from '../entities/index.js';

/** The packages and add-ons the agency sells, in a stable order. */
export async function listServicePackages(ctx: ServiceContext): Promise<ServicePackage[]> {
  return ctx.em.find(ServicePackage, {}, { orderBy: { code: 'asc' } });
}

export async function listAddOnPacks(ctx: ServiceContext): Promise<AddOnPack[]> {
  return ctx.em.find(AddOnPack, {}, { orderBy: { code: 'asc' } });
}

/** One package by its code; null when there is none. */
export async function findServicePackage(ctx: ServiceContext, code: string): Promise<ServicePackage | null> {
  return ctx.em.findOne(ServicePackage, { code });
}

/** One add-on pack by its code; null when there is none. */
export async function findAddOnPack(ctx: ServiceContext, code: string): Promise<AddOnPack | null> {
  return ctx.em.findOne(AddOnPack, { code });
}
