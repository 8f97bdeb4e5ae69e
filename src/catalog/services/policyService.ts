import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { isAgencyStaff, requireRole, requireViewer } from '../../identity/services/access.js';
import { AGENCY_STAFF } from '../../identity/domain/role.js';
import { DomainError } from '../../platform/domainError.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import { NO_EFFECT, validateAddOnEffect, type AddOnEffect } from '../domain/addOnPack.js';
import { validatePolicy, type PackagePolicy, type PolicyProblem } from '../domain/packagePolicy.js';
import { AddOnPack, AddOnPackVersion, ServicePackage, ServicePackageVersion } from '../entities/index.js';

/**
 * Policies are data that an ADMIN edits, with versions. Every change writes the next
 * version (a new row in `service_package_version` or `add_on_pack_version`, never an
 * edit of an old one) and makes it the latest on the package or add-on: projects created
 * from then on get it, and running projects keep the version they started with, because
 * their workflow received the policy when it started.
 */

/** A partial value: absent fields (undefined) keep the current value, nested objects too. */
export type Patch<T> = { [K in keyof T]?: T[K] extends object | null ? Patch<T[K]> | null : T[K] | null };

/** `current` with every given field of `patch` in its place; what is left out stays. */
function applyPatch<T>(current: T, patch: unknown): T {
  if (patch === undefined) return current;
  if (patch === null || typeof patch !== 'object' || current === null || typeof current !== 'object') return patch as T;
  const result: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [field, value] of Object.entries(patch)) {
    if (value !== undefined) result[field] = applyPatch(result[field], value);
  }
  return result as T;
}

/** JSON with object keys sorted: two values are the same version when this is. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner,
  );
}

/** BAD_USER_INPUT naming the first field at fault, with every problem listed. */
function refuse(problems: PolicyProblem[], what: string): void {
  if (problems.length === 0) return;
  throw new DomainError('INVALID_INPUT', `${what}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`, {
    field: problems[0]!.path,
    problems,
  });
}

const packageNotFound = (code: string) => new DomainError('NOT_FOUND', `Service package ${code} does not exist.`, { entity: 'ServicePackage', id: code });
const addOnNotFound = (code: string) => new DomainError('NOT_FOUND', `Add-on pack ${code} does not exist.`, { entity: 'AddOnPack', id: code });

export interface UpdateServicePackage {
  code: string;
  policy: Patch<PackagePolicy>;
}

/**
 * Writes the package's next policy version (ADMIN): the latest policy with the given
 * fields replaced, checked whole. A change that changes nothing writes no version.
 */
export async function updateServicePackage(ctx: ServiceContext, input: UpdateServicePackage): Promise<ServicePackage> {
  const admin = requireRole(ctx, ['ADMIN']);
  return ctx.em.transactional(async (tx) => {
    // Locked: two updates at once write versions n+1 and n+2, never two n+1.
    const servicePackage = await tx.findOne(ServicePackage, { code: input.code }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!servicePackage) throw packageNotFound(input.code);
    const policy = applyPatch(servicePackage.policy, input.policy);
    refuse(validatePolicy(policy), `The ${input.code} policy is not valid`);
    if (canonical(policy) === canonical(servicePackage.policy)) return servicePackage;
    servicePackage.policy = policy;
    servicePackage.version += 1;
    tx.create(ServicePackageVersion, { servicePackage, version: servicePackage.version, policy, createdBy: admin.username });
    return servicePackage;
  });
}

export interface CreateAddOnPack {
  code: string;
  name: string;
  description: string;
  effect: Patch<AddOnEffect>;
}

/** Adds an add-on pack as its version 1 (ADMIN); effects left out give nothing extra. */
export async function createAddOnPack(ctx: ServiceContext, input: CreateAddOnPack): Promise<AddOnPack> {
  const admin = requireRole(ctx, ['ADMIN']);
  const effect = applyPatch(NO_EFFECT, input.effect);
  refuse(validateAddOnEffect(effect), `The ${input.code} add-on is not valid`);
  const exists = () => new DomainError('INVALID_INPUT', `Add-on pack ${input.code} already exists; update it instead.`, { field: 'code' });
  if (await ctx.em.count(AddOnPack, { code: input.code })) throw exists();
  try {
    return await ctx.em.transactional(async (tx) => {
      const addOnPack = tx.create(AddOnPack, { code: input.code, name: input.name.trim(), description: input.description, effect, version: 1 });
      tx.create(AddOnPackVersion, { addOnPack, version: 1, name: addOnPack.name, description: addOnPack.description, effect, createdBy: admin.username });
      return addOnPack;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw exists();
    throw error;
  }
}

export interface UpdateAddOnPack {
  code: string;
  name?: string | null;
  description?: string | null;
  effect: Patch<AddOnEffect>;
}

/** Writes the add-on's next version (ADMIN): what is given replaces the latest; a change that changes nothing writes none. */
export async function updateAddOnPack(ctx: ServiceContext, input: UpdateAddOnPack): Promise<AddOnPack> {
  const admin = requireRole(ctx, ['ADMIN']);
  return ctx.em.transactional(async (tx) => {
    const addOnPack = await tx.findOne(AddOnPack, { code: input.code }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!addOnPack) throw addOnNotFound(input.code);
    const effect = applyPatch(addOnPack.effect, input.effect);
    refuse(validateAddOnEffect(effect), `The ${input.code} add-on is not valid`);
    const next = { name: input.name?.trim() ?? addOnPack.name, description: input.description ?? addOnPack.description, effect };
    if (canonical(next) === canonical({ name: addOnPack.name, description: addOnPack.description, effect: addOnPack.effect })) return addOnPack;
    Object.assign(addOnPack, next);
    addOnPack.version += 1;
    tx.create(AddOnPackVersion, { addOnPack, version: addOnPack.version, ...next, createdBy: admin.username });
    return addOnPack;
  });
}

/** One version of a package's policy, as the API shows it. */
export interface PolicyVersionView {
  code: string;
  version: number;
  policy: PackagePolicy;
  createdBy: string;
  createdAt: Date;
}

/** Every version of a package's policy, newest first (agency staff). */
export async function listServicePackageVersions(ctx: ServiceContext, code: string): Promise<PolicyVersionView[]> {
  requireRole(ctx, AGENCY_STAFF);
  if (!(await ctx.em.count(ServicePackage, { code }))) throw packageNotFound(code);
  const versions = await ctx.em.find(ServicePackageVersion, { servicePackage: code }, { orderBy: { version: 'desc' } });
  return versions.map((v) => ({ code, version: v.version, policy: v.policy, createdBy: v.createdBy, createdAt: v.createdAt }));
}

/** One version of a package's policy; null when there is none or the viewer is not agency staff (who alone read versions). */
export async function findServicePackageVersion(ctx: ServiceContext, code: string, version: number): Promise<PolicyVersionView | null> {
  if (!isAgencyStaff(requireViewer(ctx))) return null;
  const v = await ctx.em.findOne(ServicePackageVersion, { servicePackage: code, version });
  return v && { code, version: v.version, policy: v.policy, createdBy: v.createdBy, createdAt: v.createdAt };
}

/** One version of an add-on pack, as the API shows it. */
export interface AddOnVersionView {
  code: string;
  version: number;
  name: string;
  description: string;
  effect: AddOnEffect;
  createdBy: string;
  createdAt: Date;
}

/** Every version of an add-on pack, newest first (agency staff). */
export async function listAddOnPackVersions(ctx: ServiceContext, code: string): Promise<AddOnVersionView[]> {
  requireRole(ctx, AGENCY_STAFF);
  if (!(await ctx.em.count(AddOnPack, { code }))) throw addOnNotFound(code);
  const versions = await ctx.em.find(AddOnPackVersion, { addOnPack: code }, { orderBy: { version: 'desc' } });
  return versions.map((v) => ({ code, version: v.version, name: v.name, description: v.description, effect: v.effect, createdBy: v.createdBy, createdAt: v.createdAt }));
}

/** One version of an add-on pack; null when there is none or the viewer is not agency staff (who alone read versions). */
export async function findAddOnPackVersion(ctx: ServiceContext, code: string, version: number): Promise<AddOnVersionView | null> {
  if (!isAgencyStaff(requireViewer(ctx))) return null;
  const v = await ctx.em.findOne(AddOnPackVersion, { addOnPack: code, version });
  return v && { code, version: v.version, name: v.name, description: v.description, effect: v.effect, createdBy: v.createdBy, createdAt: v.createdAt };
}
