import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../../platform/http/graphqlContext.js';
import { findViewerUser } from '../../services/userService.js';
import { userView, UserType } from '../types/UserType.js';

/** Who the request is signed in as: what a portal shows in its header and decides its menus by. */
@Resolver()
export class ViewerResolver {
  @Query(() => UserType, { nullable: true, description: 'The signed-in user; null for an anonymous request.' })
  async viewer(@Ctx() ctx: GraphQLContext): Promise<UserType | null> {
    const user = await findViewerUser(ctx);
    return user && userView(user);
  }
}
