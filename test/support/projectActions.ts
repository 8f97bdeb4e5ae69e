import { expect } from 'vitest';
import type { GraphQLResponse, RequestOptions, TestApplication } from './testApplication.js';

/**
 * A test's way of sending SOP mutations as a lead would: `act` sends one (input type
 * named after the mutation) and returns the raw response, `ok` expects it accepted,
 * `refused` expects it refused and returns the first error. `fields` is what each
 * mutation selects on the project it returns; `app` is read when a mutation is sent,
 * so a file can set its app up in `beforeAll`.
 */
export function projectActions(app: () => TestApplication, fields: string, options: RequestOptions = {}) {
  const act = (mutation: string, input: Record<string, unknown>): Promise<GraphQLResponse> => {
    const inputType = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
    return app().gql(`mutation ($input: ${inputType}!) { ${mutation}(input: $input) { ${fields} } }`, { input }, options);
  };
  return {
    act,
    async ok(mutation: string, input: Record<string, unknown>) {
      const response = await act(mutation, input);
      expect(response.errors, `${mutation}: ${JSON.stringify(response.errors)}`).toBeUndefined();
      return response.data![mutation];
    },
    async refused(mutation: string, input: Record<string, unknown>) {
      const response = await act(mutation, input);
      expect(response.data, `${mutation} should have been refused`).toBeNull();
      return response.errors![0]!;
    },
  };
}
