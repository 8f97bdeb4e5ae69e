import { GraphQLError } from 'graphql';
import type { Viewer } from '../../identity/domain/role.js';
import type { VerifyToken } from '../../identity/services/tokens.js';
import { DomainError } from '../domainError.js';

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/;

const unauthenticated = (message: string) => new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

/**
 * The viewer a request's `Authorization: Bearer <token>` header names; null when there is
 * no header (an anonymous caller, who sees only the public catalog). A header that is
 * sent but not a valid token refuses the whole request with UNAUTHENTICATED (HTTP 401),
 * rather than quietly treating the caller as anonymous.
 */
export async function viewerOfRequest(header: string | undefined, verify: VerifyToken): Promise<Viewer | null> {
  if (header === undefined) return null;
  const token = BEARER.exec(header.trim())?.[1];
  if (!token) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  try {
    return await verify(token);
  } catch (error) {
    if (error instanceof DomainError) throw unauthenticated(error.message);
    throw error;
  }
}
