import { Arg, Authorized, Ctx, Extensions, Mutation, Query, Resolver } from 'type-graphql';
import { listRows } from '../../../platform/http/queryLimits.js';
import { DomainError } from '../../../platform/domainError.js';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import { listSlaPolicyVersions, SLA_SETTINGS_READERS, slaPolicyInForce, updateSlaPolicy } from '../../services/slaPolicyService.js';
import { slaOverrides, slaPolicyDraft, UpdateSlaPolicyInput, type SlaOverridesInput } from '../inputs/slaPolicyInputs.js';
import { SlaPolicyVersionType, slaPolicyVersionType, UpdateSlaPolicyPayload, updateSlaPolicyPayload } from '../types/SlaPolicyTypes.js';

/**
 * An INVALID_INPUT error of a service with its field paths in the API's terms (`translate`
 * maps one domain path); any other error as it is. The API's inputs are shaped for
 * GraphQL (lists of entries, minutes) where the domain has maps and milliseconds.
 */
export function inApiTerms(error: unknown, translate: (path: string) => string): unknown {
  if (!(error instanceof DomainError) || error.code !== 'INVALID_INPUT') return error;
  const problems = Array.isArray(error.details.problems) ? (error.details.problems as { path: string; message: string }[]) : null;
  const field = typeof error.details.field === 'string' ? translate(error.details.field) : error.details.field;
  if (!problems) return new DomainError(error.code, error.message, { ...error.details, field });
  const translated = problems.map((problem) => ({ ...problem, path: translate(problem.path) }));
  const what = error.message.slice(0, Math.max(0, error.message.indexOf(': ')));
  const message = `${what || 'Invalid input'}: ${translated.map((p) => `${p.path} ${p.message}`).join('; ')}`;
  return new DomainError(error.code, message, { ...error.details, field, problems: translated });
}

const OVERRIDE_PARTS = ['packageOverrides', 'addOnOverrides'] as const;
type OverridePart = (typeof OVERRIDE_PARTS)[number];

/**
 * A domain path of the SLA settings (`policy.rules[0].targets.firstResponseMillis`,
 * `packageOverrides.PREMIUM[1].match.tier`) as the API names it
 * (`policy.rules[0].targets.firstResponseMinutes`, `packageOverrides[2].rules[1].match.tier`),
 * given the codes in the order of the API's lists.
 */
export function slaApiPath(path: string, codes: Partial<Record<OverridePart, readonly string[]>>): string {
  let result = path.replace(/\b(firstResponse|nextResponse|resolution)Millis\b/g, '$1Minutes');
  for (const part of OVERRIDE_PARTS) {
    const prefix = `${part}.`;
    if (!result.startsWith(prefix)) continue;
    const rest = result.slice(prefix.length);
    // The longest code the rest starts with, in case one code begins with another.
    const list = codes[part] ?? [];
    const index = list
      .map((code, i) => ({ code, i }))
      .filter(({ code }) => rest === code || rest.startsWith(`${code}[`))
      .sort((a, b) => b.code.length - a.code.length)[0];
    if (index) result = rest === index.code ? `${part}[${index.i}]` : `${part}[${index.i}].rules${rest.slice(index.code.length)}`;
  }
  return result;
}

/** BAD_USER_INPUT for a code listed twice in one list of overrides. */
function refuseDuplicateCodes(entries: readonly SlaOverridesInput[] | null | undefined, part: OverridePart) {
  const seen = new Set<string>();
  (entries ?? []).forEach(({ code }, i) => {
    if (seen.has(code)) throw new DomainError('INVALID_INPUT', `${part}[${i}].code ${code} is listed twice; give each code once.`, { field: `${part}[${i}].code` });
    seen.add(code);
  });
}

@Resolver()
export class SlaPolicyResolver {
  @Authorized(SLA_SETTINGS_READERS)
  @Query(() => SlaPolicyVersionType, { description: 'The SLA settings in force: the highest version, which new tickets open under (ADMIN, LEAD, CSM).' })
  async slaPolicy(@Ctx() ctx: GraphQLContext) {
    return slaPolicyVersionType(await slaPolicyInForce(ctx));
  }

  @Authorized(SLA_SETTINGS_READERS)
  @Extensions(listRows(10))
  @Query(() => [SlaPolicyVersionType], { description: 'Every version of the SLA settings, newest first (ADMIN, LEAD, CSM).' })
  async slaPolicyVersions(@Ctx() ctx: GraphQLContext) {
    return (await listSlaPolicyVersions(ctx)).map(slaPolicyVersionType);
  }

  @Authorized(['ADMIN'])
  @Mutation(() => UpdateSlaPolicyPayload, {
    description:
      'Writes the next SLA settings version (ADMIN): each part given replaces the whole current part, the server numbers the version. New tickets open under it; open tickets keep theirs. Refused with BAD_USER_INPUT naming the field (paths index the input); rules that never apply are stored and returned as warnings (paths index the returned version). A change that changes nothing writes no version.',
  })
  async updateSlaPolicy(
    @Arg('input', () => UpdateSlaPolicyInput, { description: 'The parts of the SLA settings to replace.' }) input: UpdateSlaPolicyInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    refuseDuplicateCodes(input.packageOverrides, 'packageOverrides');
    refuseDuplicateCodes(input.addOnOverrides, 'addOnOverrides');
    const inputCodes = { packageOverrides: input.packageOverrides?.map((e) => e.code), addOnOverrides: input.addOnOverrides?.map((e) => e.code) };
    try {
      const result = await updateSlaPolicy(ctx, {
        policy: input.policy ? slaPolicyDraft(input.policy) : null,
        packageOverrides: input.packageOverrides ? slaOverrides(input.packageOverrides) : null,
        addOnOverrides: input.addOnOverrides ? slaOverrides(input.addOnOverrides) : null,
      });
      // Warnings name the returned version's lists, which are sorted by code.
      const outputCodes = { packageOverrides: Object.keys(result.version.packageOverrides).sort(), addOnOverrides: Object.keys(result.version.addOnOverrides).sort() };
      return updateSlaPolicyPayload(result, (path) => slaApiPath(path, outputCodes));
    } catch (error) {
      throw inApiTerms(error, (path) => slaApiPath(path, inputCodes));
    }
  }
}
