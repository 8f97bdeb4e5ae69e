import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { CHANGE_ORDER_KINDS, CHANGE_ORDER_STATUSES } from '../domain/changeOrder.js';
import { Project } from './Project.js';

/** A change order under the service-cap clause, as the SOP workflow last projected it. */
export const ChangeOrder = defineEntity({
  name: 'ChangeOrder',
  properties: {
    project: () => p.manyToOne(Project).primary(),
    id: p.string().length(64).primary(),
    kind: p.enum(CHANGE_ORDER_KINDS),
    status: p.enum(CHANGE_ORDER_STATUSES),
    reason: p.text(),
    amount: p.decimal('number').precision(12).scale(2),
  },
  primaryKeys: ['project', 'id'],
});

export type ChangeOrder = InferEntity<typeof ChangeOrder>;
