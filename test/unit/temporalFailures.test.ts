import { ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/platform/domainError.js';
import { translateTemporalFailure } from '../../src/platform/temporalFailures.js';

const closed = () => new DomainError('STAGE_CONFLICT', 'The project is closed.', { stage: 'CLOSED' });

/** What translateTemporalFailure throws for `error`. */
function translated(error: unknown): unknown {
  try {
    translateTemporalFailure(error, closed);
  } catch (thrown) {
    return thrown;
  }
  throw new Error('translateTemporalFailure returned instead of throwing');
}

/** What @grpc/grpc-js rejects a call with: an Error with a numeric code, string details and metadata (`isGrpcServiceError`). */
const grpcError = (code: number, message = 'anything') => Object.assign(new Error(message), { code, details: '', metadata: {} });

const isUnavailable = (thrown: unknown) => thrown instanceof DomainError && thrown.code === 'WORKFLOW_UNAVAILABLE';

describe('translateTemporalFailure', () => {
  it('turns a refused update into the domain error the workflow raised, details without code and message', () => {
    const failure = ApplicationFailure.create({
      type: 'SOP_RULE_VIOLATION',
      message: 'Requirements cannot be signed off: 2 of 8 communication rounds logged.',
      nonRetryable: true,
      details: [{ code: 'SOP_RULE_VIOLATION', message: 'duplicated', rule: 'MIN_COMMUNICATION_ROUNDS', required: 8, actual: 2 }],
    });
    const thrown = translated(new WorkflowUpdateFailedError('Workflow Update failed', failure));
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({
      code: 'SOP_RULE_VIOLATION',
      message: 'Requirements cannot be signed off: 2 of 8 communication rounds logged.',
      details: { rule: 'MIN_COMMUNICATION_ROUNDS', required: 8, actual: 2 },
    });
    expect((thrown as DomainError).details).toEqual({ rule: 'MIN_COMMUNICATION_ROUNDS', required: 8, actual: 2 });
  });

  it.each(['STAGE_CONFLICT', 'INVALID_INPUT', 'NOT_FOUND'] as const)('keeps the code %s of a refused update', (type) => {
    const failure = ApplicationFailure.create({ type, message: 'refused' });
    const thrown = translated(new WorkflowUpdateFailedError('Workflow Update failed', failure));
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: type, message: 'refused', details: {} });
  });

  it('rethrows an update failure that is not a domain refusal', () => {
    const foreign = new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type: 'TypeError', message: 'x is undefined' }));
    expect(translated(foreign)).toBe(foreign);
    const noCause = new WorkflowUpdateFailedError('Workflow Update failed', undefined);
    expect(translated(noCause)).toBe(noCause);
  });

  it('says what a closed or missing workflow means to the caller', () => {
    const thrown = translated(new WorkflowNotFoundError('workflow not found', 'project-1', undefined));
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'STAGE_CONFLICT', message: 'The project is closed.', details: { stage: 'CLOSED' } });
  });

  it('makes a timed-out or cancelled update call WORKFLOW_UNAVAILABLE', () => {
    expect(isUnavailable(translated(new WorkflowUpdateRPCTimeoutOrCancelledError('Timeout waiting for Workflow Update to be accepted')))).toBe(true);
  });

  it.each([
    [1, 'CANCELLED'],
    [4, 'DEADLINE_EXCEEDED'],
    [8, 'RESOURCE_EXHAUSTED'],
    [9, 'FAILED_PRECONDITION'],
    [14, 'UNAVAILABLE'],
  ])('makes gRPC status %i (%s) WORKFLOW_UNAVAILABLE, whatever the message', (code) => {
    const thrown = translated(grpcError(code));
    expect(isUnavailable(thrown)).toBe(true);
    expect((thrown as DomainError).message).toBe('The workflow service is unavailable; try again shortly.');
  });

  it('looks through a ServiceError at the gRPC error that caused it', () => {
    expect(isUnavailable(translated(new ServiceError('call failed', { cause: grpcError(14) })))).toBe(true);
    const permanent = new ServiceError('call failed', { cause: grpcError(3) });
    expect(translated(permanent)).toBe(permanent);
  });

  it.each([
    [3, 'INVALID_ARGUMENT'],
    [5, 'NOT_FOUND'],
    [7, 'PERMISSION_DENIED'],
    [13, 'INTERNAL'],
  ])('rethrows gRPC status %i (%s) unchanged', (code) => {
    const error = grpcError(code, 'unavailable');
    expect(translated(error)).toBe(error);
  });

  it('never reads the message: an ordinary error that talks about unavailability is rethrown as it is', () => {
    const error = new Error('14 UNAVAILABLE: unavailable deadline connect ECONNREFUSED');
    expect(translated(error)).toBe(error);
    const coded = Object.assign(new Error('unavailable deadline connect'), { code: 14 });
    expect(translated(coded)).toBe(coded);
  });

  it('rethrows values that are not errors', () => {
    expect(translated('UNAVAILABLE')).toBe('UNAVAILABLE');
    const plain = { code: 14, details: '', metadata: {} };
    expect(translated(plain)).toBe(plain);
  });
});
