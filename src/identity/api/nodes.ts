import { nodeLookup, type NodeLookup } from '../../platform/http/node.js';
import { findUser } from '../services/userService.js';
import { userView } from './types/UserType.js';

/** How `node(id)` finds users (src/platform/http/node.ts). */
export const IDENTITY_NODES: NodeLookup[] = [
  nodeLookup({
    type: 'User',
    uuid: { table: 'app_user', idColumn: 'uuid', key: 'id::text' },
    load: async (ctx, [id]) => {
      const user = await findUser(ctx, id!);
      return user && userView(user);
    },
  }),
];
