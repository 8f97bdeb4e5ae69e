import { graphqlEnum } from '../../platform/http/graphqlEnum.js';
import { ROLES } from '../domain/role.js';

export const RoleEnum = graphqlEnum(ROLES, 'Role', 'What a signed-in user may do; the token carries it.', {
  ADMIN: "Runs the agency's platform: reads and acts on everything, edits policies.",
  LEAD: 'A project lead: reads everything, creates clients and projects, takes SOP actions on the projects it leads.',
  CSM: 'A customer success manager: reads projects and clients without the cost structure; works after-sales tickets.',
  CLIENT: "A client's user: reads its own client's projects, their progress and timeline, without the agency's internals.",
});
