import { ClientTierChange } from './ClientTierChange.js';

export { ClientTierChange };

/** The insights context's tables. */
export const INSIGHTS_ENTITIES = [ClientTierChange];
