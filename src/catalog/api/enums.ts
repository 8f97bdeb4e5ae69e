import { graphqlEnum } from '../../platform/http/graphqlEnum.js';
import { CLIENT_TIERS } from '../domain/clientTier.js';

export const ClientTierEnum = graphqlEnum(CLIENT_TIERS, 'ClientTier', 'A: strategic, dedicated CSM. B: standard process. C: self-service.');
