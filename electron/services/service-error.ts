/**
 * Errors of the main process's services, and how any error becomes contract error data:
 * a `ServiceError` keeps its code, a `LabError` (the client engine's) its code and OAuth
 * body, a zod error becomes `invalid_input` with the field; anything else is a bug,
 * reported as `unexpected` with no detail (the cause goes to the log, never to the window).
 */
import { ZodError } from 'zod';
import { invalidInput, isContractErrorCode, type ContractErrorCode, type ContractErrorData } from '../../shared/contract/wire';
import { isLabError } from '../client/flows/lab-error';

export class ServiceError extends Error {
  override readonly name = 'ServiceError';

  constructor(
    readonly code: ContractErrorCode,
    message: string,
    readonly details: { readonly field?: string; readonly oauth?: ContractErrorData['oauth']; readonly cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }
}

export function toContractErrorData(error: unknown, logUnexpected: (message: string, cause: unknown) => void = () => {}): ContractErrorData {
  if (error instanceof ServiceError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.details.field === undefined ? {} : { field: error.details.field }),
      ...(error.details.oauth === undefined ? {} : { oauth: error.details.oauth }),
    };
  }
  if (isLabError(error)) {
    const data = error.toJSON();
    return { code: isContractErrorCode(data.code) ? data.code : 'unexpected', message: data.message, ...(data.oauth === undefined ? {} : { oauth: data.oauth }) };
  }
  if (error instanceof ZodError) return invalidInput(error, 'input');
  logUnexpected('a service failed unexpectedly', error);
  return { code: 'unexpected', message: 'the Lab failed unexpectedly; the details are in its log' };
}
