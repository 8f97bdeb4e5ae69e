/**
 * Client tiers (seed 001): A strategic clients get custom service and a dedicated CSM,
 * B clients the standard process, C clients self-service and smart matching.
 */
export const CLIENT_TIERS = ['A', 'B', 'C'] as const;

export type ClientTier = (typeof CLIENT_TIERS)[number];
