import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { AddOnEffect } from '../domain/addOnPack.js';
import { AddOnPack } from './AddOnPack.js';

/** One version of an add-on pack, never changed once written; `project.add_on_versions` says which a project bought. */
export const AddOnPackVersion = defineEntity({
  name: 'AddOnPackVersion',
  properties: {
    addOnPack: () => p.manyToOne(AddOnPack).primary(),
    version: p.integer().primary(),
    name: p.string().length(100),
    description: p.text(),
    effect: p.json<AddOnEffect>(),
    /** Username of the ADMIN who made it; `seed` for the shipped defaults. */
    createdBy: p.string().length(200),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  primaryKeys: ['addOnPack', 'version'],
});

export type AddOnPackVersion = InferEntity<typeof AddOnPackVersion>;
