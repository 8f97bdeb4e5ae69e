import { createRemoteJWKSet, customFetch, errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { DomainError } from '../../platform/domainError.js';
import type { OutboundPolicy } from '../../platform/outbound/outboundPolicy.js';
import { outboundFetch } from '../../platform/outbound/outboundRequest.js';
import { isRole, type Viewer } from '../domain/role.js';
import { isUuid } from '../../shared/domain/uuid.js';

/** How tokens are checked: an HS256 secret shared with whoever mints them, or an identity provider's JWKS. */
export interface TokenSettings {
  /** HS256 secret (at least 32 characters); `npm start` makes one when none is configured. */
  secret?: string;
  /** An identity provider's JWKS (RS256, ES256, EdDSA); fetched under the outbound policy. */
  jwksUrl?: string;
  issuer: string;
  audience: string;
}

export type VerifyToken = (token: string) => Promise<Viewer>;

const USERNAME = /^[A-Za-z0-9._@-]{1,100}$/;

const unauthenticated = (message: string) => new DomainError('UNAUTHENTICATED', message);

/** The viewer a verified token describes; a token whose claims are not a usable viewer is refused. */
function viewerOf(payload: JWTPayload): Viewer {
  const { sub, role, preferred_username: username, client_id: clientId } = payload as JWTPayload & Record<string, unknown>;
  if (!isUuid(sub)) throw unauthenticated('The token has no user id (sub).');
  if (!isRole(role)) throw unauthenticated('The token has no valid role.');
  if (typeof username !== 'string' || !USERNAME.test(username)) throw unauthenticated('The token has no valid preferred_username.');
  if (role === 'CLIENT' && !isUuid(clientId)) throw unauthenticated('A CLIENT token must name its client (client_id).');
  return { userId: sub, username, role, clientId: role === 'CLIENT' ? (clientId as string) : null };
}

/** Verifies bearer tokens with jose: signature, algorithm, issuer, audience, expiry, then the claims a viewer needs. */
export function createTokenVerifier(settings: TokenSettings, outbound: OutboundPolicy): VerifyToken {
  const options = { issuer: settings.issuer, audience: settings.audience, requiredClaims: ['exp', 'sub'] };
  const verify = settings.jwksUrl
    ? (() => {
        const jwks = createRemoteJWKSet(new URL(settings.jwksUrl), { [customFetch]: outboundFetch(outbound) });
        return (token: string) => jwtVerify(token, jwks, { ...options, algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'] });
      })()
    : (() => {
        if (!settings.secret) throw new Error('Token verification needs AUTH_JWT_SECRET or AUTH_JWKS_URL.');
        const key = new TextEncoder().encode(settings.secret);
        return (token: string) => jwtVerify(token, key, { ...options, algorithms: ['HS256'] });
      })();
  return async (token) => {
    try {
      const { payload } = await verify(token);
      return viewerOf(payload);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (error instanceof errors.JWTExpired) throw unauthenticated('The token has expired.');
      if (error instanceof errors.JOSEError) throw unauthenticated('The token is not valid.');
      throw error;
    }
  };
}

/** A user a token is minted for. */
export interface TokenSubject {
  id: string;
  username: string;
  role: Viewer['role'];
  clientId: string | null;
}

/** Mints an HS256 token for a user (the dev command and tests; production tokens come from the identity provider). */
export async function mintToken(settings: Required<Pick<TokenSettings, 'secret'>> & TokenSettings, user: TokenSubject, ttlSeconds = 8 * 3600): Promise<string> {
  return new SignJWT({ role: user.role, preferred_username: user.username, ...(user.clientId ? { client_id: user.clientId } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(new TextEncoder().encode(settings.secret));
}
