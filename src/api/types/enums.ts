import { registerEnumType } from 'type-graphql';
import { CLIENT_TIERS, type ClientTier } from '../../domain/clientTier.js';
import { COMMUNICATION_CHANNELS, type CommunicationChannel } from '../../domain/communicationRound.js';
import { SOP_ACTIONS, type SopAction } from '../../domain/sopActions.js';
import { SOP_EVENT_TYPES, type SopEventType } from '../../domain/sopEvent.js';
import { SOP_STAGES, type SopStage } from '../../domain/sopStage.js';

/** Turns a domain list of names into the `{ NAME: 'NAME' }` object type-graphql registers. */
function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

export const SopStageEnum = enumOf<SopStage>(SOP_STAGES);
export const ClientTierEnum = enumOf<ClientTier>(CLIENT_TIERS);
export const CommunicationChannelEnum = enumOf<CommunicationChannel>(COMMUNICATION_CHANNELS);
export const SopEventTypeEnum = enumOf<SopEventType>(SOP_EVENT_TYPES);
export const SopActionEnum = enumOf<SopAction>(Object.keys(SOP_ACTIONS) as SopAction[]);

registerEnumType(SopStageEnum, { name: 'SopStage', description: 'Stages of the delivery SOP.' });
registerEnumType(ClientTierEnum, {
  name: 'ClientTier',
  description: 'A: strategic, dedicated CSM. B: standard process. C: self-service.',
});
registerEnumType(CommunicationChannelEnum, { name: 'CommunicationChannel' });
registerEnumType(SopEventTypeEnum, { name: 'SopEventType' });
registerEnumType(SopActionEnum, { name: 'SopAction', description: 'Lead actions of the SOP.' });
