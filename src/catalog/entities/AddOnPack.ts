import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { AddOnEffect } from '../domain/addOnPack.js';

/**
 * An add-on pack bought on demand on top of a package; its effect raises the package's
 * caps. The row is the latest version; every version is kept in `add_on_pack_version`.
 */
export const AddOnPack = defineEntity({
  name: 'AddOnPack',
  properties: {
    code: p.string().length(40).primary(),
    name: p.string().length(100),
    description: p.text(),
    effect: p.json<AddOnEffect>(),
    /** The latest version's number: 1 when created, one more with each update. */
    version: p.integer().default(1),
  },
});

export type AddOnPack = InferEntity<typeof AddOnPack>;
