import { graphqlEnum } from '../../platform/http/graphqlEnum.js';
import { CLIENT_TIERS } from '../domain/clientTier.js';

export const ClientTierEnum = graphqlEnum(CLIENT_TIERS, 'ClientTier', 'A: strategic, dedicated CSM. B: standard process. C: self-service.', {
  A: 'Strategic client: custom service and a dedicated customer success manager (CSM).',
  B: 'Standard client: the standard delivery process.',
  C: 'Self-service client: self-service and smart matching, no dedicated contact.',
});
