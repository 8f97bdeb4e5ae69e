import { User } from './User.js';

export { User };

/** Every entity of the identity context. */
export const IDENTITY_ENTITIES = [User];
