import { Ctx, Query, Resolver } from 'type-graphql';
import { listAddOnPacks, listServicePackages } from '../../services/catalogService.js';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import { AddOnPackType } from '../types/AddOnPackType.js';
import { ServicePackageType } from '../types/ServicePackageType.js';

@Resolver()
export class CatalogResolver {
  @Query(() => [ServicePackageType], { description: 'The service packages the agency sells, with their policies.' })
  servicePackages(@Ctx() ctx: GraphQLContext) {
    return listServicePackages(ctx);
  }

  @Query(() => [AddOnPackType], { description: 'Add-on packs that can be bought with a package.' })
  addOnPacks(@Ctx() ctx: GraphQLContext) {
    return listAddOnPacks(ctx);
  }
}
