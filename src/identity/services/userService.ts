import type { ServiceContext } from '../../platform/serviceContext.js';
import { User } from '../entities/index.js';

/** The signed-in user as stored, or null for an anonymous caller (or a token whose user is gone). */
export async function findViewerUser(ctx: ServiceContext): Promise<User | null> {
  return ctx.viewer ? ctx.em.findOne(User, { id: ctx.viewer.userId }) : null;
}
