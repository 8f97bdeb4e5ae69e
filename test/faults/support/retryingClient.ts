import { setTimeout as sleep } from 'node:timers/promises';

/** Codes the API documents as "try again with the same idempotency key". */
export const RETRYABLE_CODES = new Set(['SERVICE_UNAVAILABLE', 'RATE_LIMITED']);

/** What happened to one mutation: how often it was sent and what each failed attempt got. */
export interface MutationRecord {
  name: string;
  idempotencyKey: string;
  attempts: number;
  /** `extensions.code` of each refused attempt, `NETWORK` for no answer, `HTTP <status>` for a non-GraphQL answer. */
  failures: string[];
  /** The exact answer of each attempt refused with a code outside RETRYABLE_CODES, for the report. */
  unexpected: string[];
  succeeded: boolean;
}

/**
 * A GraphQL client as a careful front-end is one: every mutation carries an idempotency
 * key, and an attempt that got no answer or a retryable code is sent again, unchanged,
 * with the same key. INTERNAL_SERVER_ERROR is retried too (so the drill can finish) but
 * recorded as unexpected, since the API promises a coded, retryable answer instead.
 */
export function retryingClient(url: () => string, tokenFor: (username: string) => Promise<string>, log: MutationRecord[], deadlineMs = 360_000) {
  return async function mutate<T = any>(name: string, inputType: string, input: Record<string, unknown>, fields: string, as: string): Promise<T> {
    const record: MutationRecord = { name, idempotencyKey: String(input.idempotencyKey), attempts: 0, failures: [], unexpected: [], succeeded: false };
    log.push(record);
    const query = `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`;
    const body = JSON.stringify({ query, variables: { input } });
    const giveUpAt = Date.now() + deadlineMs;
    for (;;) {
      record.attempts += 1;
      let answer: string;
      try {
        const response = await fetch(url(), {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(as)}` },
          body,
          signal: AbortSignal.timeout(60_000),
        });
        answer = await response.text();
        let parsed: { data?: Record<string, T> | null; errors?: { extensions?: { code?: string } }[] };
        try {
          parsed = JSON.parse(answer);
        } catch {
          record.failures.push(`HTTP ${response.status}`);
          record.unexpected.push(answer.slice(0, 500));
          throw new Error('not JSON');
        }
        if (!parsed.errors) {
          record.succeeded = true;
          return parsed.data![name]!;
        }
        const code = parsed.errors[0]?.extensions?.code ?? 'NO_CODE';
        record.failures.push(code);
        if (!RETRYABLE_CODES.has(code)) {
          record.unexpected.push(answer.slice(0, 500));
          if (code !== 'INTERNAL_SERVER_ERROR') throw new Error(`${name} refused for good: ${answer}`);
        }
      } catch (error) {
        if (error instanceof Error && error.message.startsWith(`${name} refused for good`)) throw error;
        if (!(error instanceof Error && error.message === 'not JSON')) record.failures.push('NETWORK');
      }
      if (Date.now() > giveUpAt) throw new Error(`${name} (${record.idempotencyKey}) still failing after ${record.attempts} attempts: ${record.failures.slice(-5).join(', ')}`);
      await sleep(Math.min(2000, 200 * record.attempts));
    }
  };
}
