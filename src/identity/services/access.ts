import { DomainError } from '../../platform/domainError.js';
import type { ServiceContext } from '../../platform/serviceContext.js';
import { AGENCY_STAFF, type Role, type Viewer } from '../domain/role.js';

/**
 * Row-level access, in the services: which clients' data a viewer may read and which
 * projects it may act on. Role-level gates on fields and operations are the API's auth
 * checker (src/platform/http/authChecker.ts); both read the same roles.
 */

/** The signed-in viewer; anonymous callers are refused with UNAUTHENTICATED. */
export function requireViewer(ctx: Pick<ServiceContext, 'viewer'>): Viewer {
  if (!ctx.viewer) throw new DomainError('UNAUTHENTICATED', 'Sign in: send a bearer token in the Authorization header.');
  return ctx.viewer;
}

/** The viewer, if it has one of `roles`; FORBIDDEN otherwise. */
export function requireRole(ctx: Pick<ServiceContext, 'viewer'>, roles: readonly Role[]): Viewer {
  const viewer = requireViewer(ctx);
  if (!roles.includes(viewer.role)) {
    throw new DomainError('FORBIDDEN', `This needs one of the roles ${roles.join(', ')}.`, { requiredRoles: [...roles] });
  }
  return viewer;
}

/** Whether the viewer sees the agency's internals (cost structure, internal events, policy versions). */
export function isAgencyStaff(viewer: Viewer): boolean {
  return AGENCY_STAFF.includes(viewer.role);
}

/** Whether the viewer may read a client's data: staff read every client, a CLIENT only its own. */
export function canReadClient(viewer: Viewer, clientId: string): boolean {
  return viewer.role !== 'CLIENT' || viewer.clientId === clientId;
}

/** The client ids a viewer's reads are limited to; null for staff, who read every client. */
export function readableClientIds(viewer: Viewer): string[] | null {
  return viewer.role === 'CLIENT' ? [viewer.clientId!] : null;
}

/** Who may act on a project: an ADMIN, or the LEAD who leads it. */
export function requireProjectActor(ctx: Pick<ServiceContext, 'viewer'>, project: { id: string; projectLead: string }): Viewer {
  const viewer = requireRole(ctx, ['ADMIN', 'LEAD']);
  if (viewer.role === 'LEAD' && viewer.username !== project.projectLead) {
    throw new DomainError('FORBIDDEN', `Project ${project.id} is led by someone else: only its lead or an ADMIN may act on it.`, { rule: 'NOT_PROJECT_LEAD' });
  }
  return viewer;
}
