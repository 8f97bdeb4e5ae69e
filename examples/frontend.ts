/**
 * A front-end's use of the generated documents, in a few lines: plain `fetch`, and types
 * that come from examples/operations/*.graphql through `npm run codegen`. A wrong field,
 * variable or enum value here fails `tsc` (run by `npm test`). Apollo Client, urql and
 * graphql-request take the same TypedDocumentNodes directly.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { CatalogDocument, CreateClientDocument, type ClientTier } from './generated/graphql.js';

/** What the API answers: `data`, and `errors` each with a stable `extensions.code` (README, error codes). */
export interface GraphQLResult<TData> {
  data?: TData | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** Sends one typed operation; `token` is a bearer token (`npm run token -- lin.pm`), none for the public catalog. */
export async function request<TData, TVariables extends Record<string, unknown>>(
  endpoint: string,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  token?: string,
): Promise<GraphQLResult<TData>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await response.json()) as GraphQLResult<TData>;
}

/** A query: the package codes and the research sessions each includes. */
export async function packageCodes(endpoint: string): Promise<{ code: string; includedResearchSessions: number }[]> {
  const { data, errors } = await request(endpoint, CatalogDocument, {});
  if (!data) throw new Error(errors?.map((error) => error.message).join('; ') ?? 'no data');
  return data.servicePackages.map((pkg) => ({ code: pkg.code, includedResearchSessions: pkg.policy.includedResearchSessions }));
}

/** A mutation: adds a client and answers its id, or the error code the API refused it with. */
export async function addClient(endpoint: string, token: string, name: string, tier: ClientTier): Promise<{ id: string } | { code: string }> {
  const { data, errors } = await request(endpoint, CreateClientDocument, { input: { name, tier } }, token);
  if (data?.createClient) return { id: data.createClient.id };
  return { code: errors?.[0]?.extensions?.code ?? 'UNKNOWN' };
}
