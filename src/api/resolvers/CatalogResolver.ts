import { Ctx, Query, Resolver } from 'type-graphql';
import { listAddOnPacks, listServicePackages } from '../../services/catalogService.js';
import type { RequestContext } from '../context.js';
import { AddOnPackType } from '../types/AddOnPackType.js';
import { ServicePackageType } from '../types/ServicePackageType.js';

@Resolver()
export class CatalogResolver {
  @Query(() => [ServicePackageType], { description: 'The service packages the agency sells, with their policies.' })
  servicePackages(@Ctx() ctx: RequestContext) {
    return listServicePackages(ctx);
  }

  @Query(() => [AddOnPackType], { description: 'Add-on packs that can be bought with a package.' })
  addOnPacks(@Ctx() ctx: RequestContext) {
    return listAddOnPacks(ctx);
  }
}
