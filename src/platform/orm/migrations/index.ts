import { Migration20261122123313_Initial } from './Migration20261122123313_Initial.js';
import { Migration20261122131311_DeliverySop } from './Migration20261122131311_DeliverySop.js';
import { Migration20261123140000_TimelineEvents } from './Migration20261123140000_TimelineEvents.js';
import { Migration20261127145038_CostsAndIdempotencyKeys } from './Migration20261127145038_CostsAndIdempotencyKeys.js';
import { Migration20261127150007_Users } from './Migration20261127150007_Users.js';
import { Migration20261127151206_PolicyVersionsAndProjectRecords } from './Migration20261127151206_PolicyVersionsAndProjectRecords.js';
import { Migration20261127171604_Tickets } from './Migration20261127171604_Tickets.js';
import { Migration20261127175112_ClientTierHistory } from './Migration20261127175112_ClientTierHistory.js';
import { Migration20261127180523_PlannedDeliveryAndFirstResponseTime } from './Migration20261127180523_PlannedDeliveryAndFirstResponseTime.js';
import { Migration20261127180935_RiskSignal } from './Migration20261127180935_RiskSignal.js';
import { Migration20261127182752_DashboardIndexes } from './Migration20261127182752_DashboardIndexes.js';
import { Migration20261127203459_DashboardReadColumns } from './Migration20261127203459_DashboardReadColumns.js';
import { Migration20261127212127_ProjectListOrderIndexes } from './Migration20261127212127_ProjectListOrderIndexes.js';

/**
 * Every migration in order. Listed explicitly instead of discovered from the folder so
 * that the same list runs under tsx, vitest and a bundler alike.
 */
export const MIGRATIONS = [
  { name: 'Migration20261122123313_Initial', class: Migration20261122123313_Initial },
  { name: 'Migration20261122131311_DeliverySop', class: Migration20261122131311_DeliverySop },
  { name: 'Migration20261123140000_TimelineEvents', class: Migration20261123140000_TimelineEvents },
  { name: 'Migration20261127145038_CostsAndIdempotencyKeys', class: Migration20261127145038_CostsAndIdempotencyKeys },
  { name: 'Migration20261127150007_Users', class: Migration20261127150007_Users },
  { name: 'Migration20261127151206_PolicyVersionsAndProjectRecords', class: Migration20261127151206_PolicyVersionsAndProjectRecords },
  { name: 'Migration20261127171604_Tickets', class: Migration20261127171604_Tickets },
  { name: 'Migration20261127175112_ClientTierHistory', class: Migration20261127175112_ClientTierHistory },
  { name: 'Migration20261127180523_PlannedDeliveryAndFirstResponseTime', class: Migration20261127180523_PlannedDeliveryAndFirstResponseTime },
  { name: 'Migration20261127180935_RiskSignal', class: Migration20261127180935_RiskSignal },
  { name: 'Migration20261127182752_DashboardIndexes', class: Migration20261127182752_DashboardIndexes },
  { name: 'Migration20261127203459_DashboardReadColumns', class: Migration20261127203459_DashboardReadColumns },
  { name: 'Migration20261127212127_ProjectListOrderIndexes', class: Migration20261127212127_ProjectListOrderIndexes },
];
