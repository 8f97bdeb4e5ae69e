import {
  isGrpcCancelledError,
  isGrpcDeadlineError,
  isGrpcServiceError,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, DOMAIN_ERROR_CODES, type DomainErrorCode } from './domainError.js';

/** gRPC status codes that mean "the service is there but cannot answer now": retrying later is right. */
const TRANSIENT_GRPC_STATUS = new Set([
  1, // CANCELLED
  4, // DEADLINE_EXCEEDED
  8, // RESOURCE_EXHAUSTED
  9, // FAILED_PRECONDITION: e.g. an update while the workflow task is failing (a worker overloaded after a restart)
  14, // UNAVAILABLE
]);

function isDomainErrorCode(value: string | null | undefined): value is DomainErrorCode {
  return (DOMAIN_ERROR_CODES as readonly string[]).includes(value ?? '');
}

const unavailable = () => new DomainError('WORKFLOW_UNAVAILABLE', 'The workflow service is unavailable; try again shortly.');

/**
 * Turns what the Temporal client throws into the domain's coded errors, by the error's
 * type and gRPC status code, never by its message. `whenClosed` says what a closed
 * workflow means to the caller. Anything unrecognised is rethrown as it is.
 */
export function translateTemporalFailure(error: unknown, whenClosed: () => DomainError): never {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && isDomainErrorCode(error.cause.type)) {
    const failure = error.cause;
    const [details] = failure.details ?? [];
    const { code: _code, message: _message, ...rest } = (details ?? {}) as Record<string, unknown>;
    throw new DomainError(failure.type as DomainErrorCode, failure.message, rest);
  }
  if (error instanceof WorkflowNotFoundError) throw whenClosed();
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) throw unavailable();
  if (isGrpcDeadlineError(error) || isGrpcCancelledError(error)) throw unavailable();
  if (isGrpcServiceError(error) && TRANSIENT_GRPC_STATUS.has(error.code)) throw unavailable();
  if (error instanceof ServiceError && isGrpcServiceError(error.cause) && TRANSIENT_GRPC_STATUS.has(error.cause.code)) throw unavailable();
  throw error;
}
