import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byKey } from '../../platform/http/batchLoads.js';
import { User } from '../entities/index.js';

/** Per-request batchers of users: a page of projects loads its leads in one statement. */
export function createIdentityLoaders(em: EntityManager) {
  return {
    userByUsername: new DataLoader<string, User | undefined>(async (usernames) =>
      byKey(usernames, await em.find(User, { username: { $in: [...usernames] } }), (user) => user.username),
    ),
  };
}
