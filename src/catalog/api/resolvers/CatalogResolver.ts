import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { AGENCY_STAFF } from '../../../identity/domain/role.js';
import { listAddOnPacks, listServicePackages } from '../../services/catalogService.js';
import {
  createAddOnPack,
  listAddOnPackVersions,
  listServicePackageVersions,
  updateAddOnPack,
  updateServicePackage,
} from '../../services/policyService.js';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import { CreateAddOnPackInput, UpdateAddOnPackInput, UpdateServicePackageInput } from '../inputs/policyInputs.js';
import { AddOnPackType, AddOnPackVersionType } from '../types/AddOnPackType.js';
import { ServicePackageType, ServicePackageVersionType } from '../types/ServicePackageType.js';

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

  @Authorized(AGENCY_STAFF)
  @Query(() => [ServicePackageVersionType], { description: "Every version of a package's policy, newest first (ADMIN, LEAD)." })
  servicePackageVersions(@Arg('code', () => String, { description: 'Code of the package.' }) code: string, @Ctx() ctx: GraphQLContext) {
    return listServicePackageVersions(ctx, code);
  }

  @Authorized(AGENCY_STAFF)
  @Query(() => [AddOnPackVersionType], { description: 'Every version of an add-on pack, newest first (ADMIN, LEAD).' })
  addOnPackVersions(@Arg('code', () => String, { description: 'Code of the add-on pack.' }) code: string, @Ctx() ctx: GraphQLContext) {
    return listAddOnPackVersions(ctx, code);
  }

  @Authorized(['ADMIN'])
  @Mutation(() => ServicePackageType, {
    description:
      "Writes a package's next policy version (ADMIN): the given fields replace the latest version's. New projects get it; running projects keep theirs. A change that changes nothing writes no version.",
  })
  updateServicePackage(
    @Arg('input', () => UpdateServicePackageInput, { description: "The package's code and the policy fields to change." }) input: UpdateServicePackageInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { code, ...policy } = input;
    return updateServicePackage(ctx, { code, policy });
  }

  @Authorized(['ADMIN'])
  @Mutation(() => AddOnPackType, { description: 'Adds an add-on pack, as its version 1 (ADMIN).' })
  createAddOnPack(
    @Arg('input', () => CreateAddOnPackInput, { description: 'Code, name, description and effect of the new pack.' }) input: CreateAddOnPackInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { code, name, description, ...effect } = input;
    return createAddOnPack(ctx, { code, name, description, effect });
  }

  @Authorized(['ADMIN'])
  @Mutation(() => AddOnPackType, {
    description: "Writes an add-on pack's next version (ADMIN): the given fields replace the latest version's. New projects get it; running projects keep theirs.",
  })
  updateAddOnPack(
    @Arg('input', () => UpdateAddOnPackInput, { description: "The pack's code and the fields to change." }) input: UpdateAddOnPackInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { code, name, description, ...effect } = input;
    return updateAddOnPack(ctx, { code, name, description, effect });
  }
}
