import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * A client's idempotency key and the request it was first used for, as payment APIs keep
 * them: the same key with the same request is a retry; with any other request it is a
 * mistake, refused with IDEMPOTENCY_KEY_REUSED.
 */
export const IdempotencyKey = defineEntity({
  name: 'IdempotencyKey',
  properties: {
    key: p.string().length(100).primary(),
    /** What the request acted on, e.g. a project's id. */
    scope: p.string().length(100),
    /** The operation, e.g. the SOP action's name. */
    operation: p.string().length(64),
    /** SHA-256 of the request's canonical JSON, without the key. */
    requestHash: p.string().length(64),
    createdAt: p.datetime().onCreate(() => new Date()),
    /**
     * The id of what the first request creates (createProject: the project's id), minted
     * once, so every retry creates or answers the same thing.
     */
    resultId: p.string().length(100).nullable(),
    /** When the first request with this key succeeded; a retry after that is answered without acting again. */
    completedAt: p.datetime().nullable(),
  },
});

export type IdempotencyKey = InferEntity<typeof IdempotencyKey>;
