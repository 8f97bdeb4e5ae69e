import { AFTERSALES_ENTITIES } from '../../aftersales/entities/index.js';
import { CATALOG_ENTITIES } from '../../catalog/entities/index.js';
import { DELIVERY_ENTITIES } from '../../delivery/entities/index.js';
import { IDENTITY_ENTITIES } from '../../identity/entities/index.js';
import { INSIGHTS_ENTITIES } from '../../insights/entities/index.js';
import { IdempotencyKey } from '../idempotency/IdempotencyKey.js';

/** Every entity the ORM knows, listed explicitly so no folder scanning happens at start. */
export const ALL_ENTITIES = [...CATALOG_ENTITIES, ...DELIVERY_ENTITIES, ...IDENTITY_ENTITIES, ...AFTERSALES_ENTITIES, ...INSIGHTS_ENTITIES, IdempotencyKey];
