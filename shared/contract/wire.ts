/**
 * What crosses a transport: a call names a service and a method and carries its input;
 * the answer is a result, never a thrown exception (Electron's `ipcMain.handle` would
 * keep only an error's message). Events carry a qualified name and a payload.
 *
 * @see ../../../shared/STYLE.md ("Errors cross a process boundary as data")
 */
import { z } from 'zod';
import { CLIENT_ERROR_CODES, OAUTH_ERROR_CODES } from '../error-codes';

/** The codes an error may carry across the contract: the client engine's, the mock admin API's, and the contract's own. */
export const CONTRACT_ERROR_CODES = [
  // RFC 6749 §5.2 / §4.1.2.1 and RFC 6750 §3.1 as the server sent them, then the client engine's own checks.
  ...OAUTH_ERROR_CODES,
  ...CLIENT_ERROR_CODES,
  // The mock admin API's.
  'validation_failed',
  'application_limit_reached',
  'not_found',
  'conflict',
  'forbidden',
  // The contract's own.
  'invalid_input',
  'unknown_method',
  'unavailable',
] as const;
export type ContractErrorCode = (typeof CONTRACT_ERROR_CODES)[number];

export const oauthErrorBodySchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
  error_uri: z.string().optional(),
});

export const contractErrorDataSchema = z.object({
  code: z.enum(CONTRACT_ERROR_CODES),
  /** Lowercase, names the parameter in quotes, never holds a secret. */
  message: z.string(),
  /** The OAuth error body behind it, when a server sent one. */
  oauth: oauthErrorBodySchema.optional(),
  /** The input field at fault, as a dotted path (`scopes.2`), for invalid input. */
  field: z.string().optional(),
});
export type ContractErrorData = z.infer<typeof contractErrorDataSchema>;

export type WireResult<T = unknown> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ContractErrorData };

export const wireResultSchema = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: contractErrorDataSchema })]);

export const wireCallSchema = z.strictObject({ service: z.string().min(1).max(64), method: z.string().min(1).max(64), input: z.unknown() });
export type WireCall = z.infer<typeof wireCallSchema>;

export const wireEventSchema = z.strictObject({ name: z.string().min(1).max(130), payload: z.unknown() });
export type WireEvent = z.infer<typeof wireEventSchema>;

/** An error rebuilt on the window's side: `switch (error.code)` narrows, `oauth` and `field` carry the details. */
export class ContractError extends Error {
  override readonly name = 'ContractError';
  readonly code: ContractErrorCode;
  readonly oauth?: z.infer<typeof oauthErrorBodySchema>;
  readonly field?: string;

  constructor(data: ContractErrorData) {
    super(data.message);
    this.code = data.code;
    if (data.oauth !== undefined) this.oauth = data.oauth;
    if (data.field !== undefined) this.field = data.field;
  }

  toJSON(): ContractErrorData {
    return { code: this.code, message: this.message, ...(this.oauth === undefined ? {} : { oauth: this.oauth }), ...(this.field === undefined ? {} : { field: this.field }) };
  }
}

export function isContractErrorCode(value: unknown): value is ContractErrorCode {
  return typeof value === 'string' && (CONTRACT_ERROR_CODES as readonly string[]).includes(value);
}

/** The first issue of a failed validation, as contract error data: `"scopes.2": invalid scope`. */
export function invalidInput(error: z.ZodError, what: string): ContractErrorData {
  const issue = error.issues[0];
  const field = issue === undefined ? undefined : issue.path.map(String).join('.');
  const where = field ? `"${field}"` : what;
  return { code: 'invalid_input', message: `invalid ${where}: ${issue?.message ?? 'does not match the contract'}`, ...(field ? { field } : {}) };
}
