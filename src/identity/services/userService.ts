import type { ServiceContext } from '../../platform/serviceContext.js';
import { requireViewer } from './access.js';
import { User } from '../entities/index.js';

/** The signed-in user as stored, or null for an anonymous caller (or a token whose user is gone). */
export async function findViewerUser(ctx: ServiceContext): Promise<User | null> {
  return ctx.viewer ? ctx.em.findOne(User, { id: ctx.viewer.userId }) : null;
}

/**
 * A user if the viewer may read it: agency staff read every user, a CLIENT user only the
 * users of its own client (itself among them).
 */
export async function findUser(ctx: ServiceContext, id: string): Promise<User | null> {
  const viewer = requireViewer(ctx);
  const user = await ctx.em.findOne(User, { id });
  if (!user) return null;
  return viewer.role !== 'CLIENT' || user.client?.id === viewer.clientId ? user : null;
}
