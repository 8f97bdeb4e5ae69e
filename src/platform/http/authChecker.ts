import type { AuthChecker } from 'type-graphql';
import type { Role } from '../../identity/domain/role.js';
import { requireRole, requireViewer } from '../../identity/services/access.js';
import type { GraphQLContext } from './graphqlContext.js';

/**
 * type-graphql's gate for `@Authorized(...)` operations and fields: anonymous callers get
 * UNAUTHENTICATED, signed-in ones without a listed role FORBIDDEN. `@Authorized()`
 * without roles admits any signed-in user. Which rows a viewer sees is the services'
 * business (src/identity/services/access.ts).
 */
export const authChecker: AuthChecker<GraphQLContext, Role> = ({ context }, roles) => {
  if (roles.length === 0) requireViewer(context);
  else requireRole(context, roles);
  return true;
};
