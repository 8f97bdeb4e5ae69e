/**
 * Who may do what. ADMIN runs the agency's platform; a LEAD advances the projects it
 * leads; a CSM answers after-sales tickets; a CLIENT sees its own projects' progress.
 */
export const ROLES = ['ADMIN', 'LEAD', 'CSM', 'CLIENT'] as const;
export type Role = (typeof ROLES)[number];

/** The roles that see the agency's internals: cost structure, industry solutions, custom development logic. */
export const AGENCY_STAFF: readonly Role[] = ['ADMIN', 'LEAD'];

/** The signed-in user a request acts for, as its token says. */
export interface Viewer {
  userId: string;
  /** Unique sign-in name; what the timeline records as the actor, and what `Project.projectLead` names. */
  username: string;
  role: Role;
  /** The client a CLIENT user belongs to; null for the agency's own staff. */
  clientId: string | null;
}

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
