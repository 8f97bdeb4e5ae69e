import { ClientTierChange } from './ClientTierChange.js';
import { RiskSignalRun } from './RiskSignalRun.js';
import { ServiceAudit } from './ServiceAudit.js';

export { ClientTierChange, RiskSignalRun, ServiceAudit };

/** The insights context's tables. */
export const INSIGHTS_ENTITIES = [ClientTierChange, RiskSignalRun, ServiceAudit];
