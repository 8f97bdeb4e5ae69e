import { DomainError } from '../../platform/domainError.js';
import { urlRefusal } from '../../platform/outbound/outboundPolicy.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import { isHttpUrl } from '../domain/sopInputs.js';

/**
 * A client site's URL (staging or live) as it enters: http(s), storable, and not an
 * address the outbound policy refuses. The probes check the resolved address again on
 * every request; this only spares the user a stress test doomed to fail.
 */
export function checkedSiteUrl(ctx: ServiceContext, field: string, value: URL | string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const url = String(value);
  if (!isHttpUrl(url)) {
    throw new DomainError('INVALID_INPUT', `${field} must be an http(s) URL of at most 2048 characters.`, { field });
  }
  const refusal = urlRefusal(url, ctx.outbound);
  if (refusal) {
    throw new DomainError('INVALID_INPUT', `${field} points at an address the server may not reach (${refusal}).`, { field, rule: 'DESTINATION_REFUSED' });
  }
  return url;
}
