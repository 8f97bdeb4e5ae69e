/**
 * The storage contract, as pure rules: what Postgres can hold. Every boundary that
 * accepts a value (GraphQL arguments, workflow update validators, which other clients
 * can call directly) checks it here, so a value that was accepted can always be
 * projected: Postgres refuses NUL in `text` and `jsonb`, unpaired UTF-16 surrogates in
 * `jsonb`, and numbers beyond a `numeric(p,s)` column.
 */

/** Largest amount a `numeric(12,2)` money column holds. */
export const MAX_MONEY = 9_999_999_999.99;

/** Lengths of the text columns values end up in. */
export const TEXT_LIMITS = {
  /** Names of people and things: actor, attendee, client and project names. */
  name: 200,
  /** Requirement titles. */
  title: 500,
  /** Free text: summaries, feedback, reasons, notes. */
  text: 4000,
  /** URLs (staging and live sites). */
  url: 2048,
} as const;

/** Why a string cannot be stored, or null when it can. */
export function unstorableText(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  if (!value.isWellFormed()) return 'must not contain unpaired UTF-16 surrogates';
  return null;
}

/** A non-blank string of at most `max` characters that Postgres can store. */
export function isStorableText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= max && unstorableText(value) === null;
}

/** Absent, or a storable string of at most `max` characters (may be empty). */
export function isOptionalStorableText(value: unknown, max: number): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.length <= max && unstorableText(value) === null);
}

/** A money amount a `numeric(12,2)` column holds exactly: 0 to MAX_MONEY, at most two decimals. */
export function isMoney(value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_MONEY) return false;
  // Exactly a whole number of cents, as the decimal a client sent (1e-9 would be stored as 0.00).
  return Math.round(value * 100) / 100 === value;
}

/** Finds the first string anywhere in `value` (objects and arrays included) that cannot be stored or is longer than any text column, with its path. */
export function findUnstorableText(value: unknown, path: string): { path: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = value.length > TEXT_LIMITS.text ? `must be at most ${TEXT_LIMITS.text} characters` : unstorableText(value);
    return problem ? { path, problem } : null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorableText(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !(value instanceof URL)) {
    for (const [key, item] of Object.entries(value)) {
      const found = findUnstorableText(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}
