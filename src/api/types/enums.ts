import { registerEnumType } from 'type-graphql';
import { CLIENT_TIERS, type ClientTier } from '../../domain/clientTier.js';
import { COMMUNICATION_CHANNELS, type CommunicationChannel } from '../../domain/communicationRound.js';
import { SOP_ACTIONS, type SopAction } from '../../domain/sopActions.js';
import { SOP_EVENT_TYPES, type SopEventType } from '../../domain/sopEvent.js';
import { SOP_STAGES, type SopStage } from '../../domain/sopStage.js';
import { CHANGE_ORDER_KINDS, type ChangeOrderKind } from '../../domain/changeOrder.js';
import { COST_PHASES, type CostPhase } from '../../domain/costShare.js';
import { REVIEW_KINDS, REVIEW_OUTCOMES, type ReviewKind, type ReviewOutcome } from '../../domain/reviewRound.js';

/** Turns a domain list of names into the `{ NAME: 'NAME' }` object type-graphql registers. */
function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

export const SopStageEnum = enumOf<SopStage>(SOP_STAGES);
export const ClientTierEnum = enumOf<ClientTier>(CLIENT_TIERS);
export const CommunicationChannelEnum = enumOf<CommunicationChannel>(COMMUNICATION_CHANNELS);
export const SopEventTypeEnum = enumOf<SopEventType>(SOP_EVENT_TYPES);
export const SopActionEnum = enumOf<SopAction>(Object.keys(SOP_ACTIONS) as SopAction[]);
export const ReviewKindEnum = enumOf<ReviewKind>(REVIEW_KINDS);
export const ReviewOutcomeEnum = enumOf<ReviewOutcome>(REVIEW_OUTCOMES);
export const ChangeOrderKindEnum = enumOf<ChangeOrderKind>(CHANGE_ORDER_KINDS);
export const CostPhaseEnum = enumOf<CostPhase>(COST_PHASES);
export const ValidationOutcomeEnum = enumOf<'MET' | 'GAP'>(['MET', 'GAP']);

registerEnumType(SopStageEnum, { name: 'SopStage', description: 'Stages of the delivery SOP.' });
registerEnumType(ClientTierEnum, {
  name: 'ClientTier',
  description: 'A: strategic, dedicated CSM. B: standard process. C: self-service.',
});
registerEnumType(CommunicationChannelEnum, { name: 'CommunicationChannel' });
registerEnumType(SopEventTypeEnum, { name: 'SopEventType' });
registerEnumType(SopActionEnum, { name: 'SopAction', description: 'Lead actions of the SOP.' });
registerEnumType(ReviewKindEnum, { name: 'ReviewKind' });
registerEnumType(ReviewOutcomeEnum, { name: 'ReviewOutcome' });
registerEnumType(ChangeOrderKindEnum, { name: 'ChangeOrderKind', description: 'Which cap an approved order raises (SCOPE raises none).' });
registerEnumType(CostPhaseEnum, { name: 'CostPhase' });
registerEnumType(ValidationOutcomeEnum, { name: 'ValidationOutcome' });
