/** Errors of the admin API: a stable code, a status, and the field at fault when there is one. */
export type AdminErrorCode =
  | 'invalid_request'
  | 'validation_failed'
  | 'application_limit_reached'
  | 'not_found'
  | 'conflict'
  | 'forbidden';

export class AdminError extends Error {
  constructor(
    readonly code: AdminErrorCode,
    message: string,
    readonly status: number,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AdminError';
  }

  toJSON(): { error: AdminErrorCode; error_description: string; field?: string } {
    return this.field === undefined
      ? { error: this.code, error_description: this.message }
      : { error: this.code, error_description: this.message, field: this.field };
  }
}

export function notFound(what: string, id: string): AdminError {
  return new AdminError('not_found', `no ${what} "${id}"`, 404);
}
