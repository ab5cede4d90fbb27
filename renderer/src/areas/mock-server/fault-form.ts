/**
 * The fault form's draft, its checks (the mock's own rules: an error needs a status or an
 * OAuth error code, latency needs its milliseconds) and the `faults.inject` input it
 * becomes. Empty number fields are `''`, as Mantine's NumberInput gives them.
 */
import type { MethodInput } from '../../../../shared/contract/define';
import type { LabContract } from '../../../../shared/contract/lab-contract';

export type FaultInput = MethodInput<LabContract, 'faults', 'inject'>;
export type FaultKind = FaultInput['kind'];
type NumberField = number | string;

export interface FaultDraft {
  readonly target: string;
  readonly kind: FaultKind;
  readonly count: NumberField;
  readonly status: NumberField;
  readonly error: string;
  readonly errorDescription: string;
  readonly retryAfterSeconds: NumberField;
  readonly latencyMs: NumberField;
}

export const INITIAL_FAULT_DRAFT: FaultDraft = Object.freeze({ target: 'token', kind: 'error', count: 1, status: 400, error: 'invalid_client', errorDescription: '', retryAfterSeconds: 60, latencyMs: 1500 });

export type FaultDraftErrors = Partial<Record<keyof FaultDraft, string>>;

/** The characters RFC 6749 §5.2 allows in `error`: printable ASCII without `"` and `\`. */
const OAUTH_ERROR_CODE = /^[\x20\x21\x23-\x5B\x5D-\x7E]{1,100}$/;

function integerIn(value: NumberField, min: number, max: number, what: string): string | undefined {
  if (value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) return `${what} is a whole number from ${min} to ${max}`;
  return undefined;
}

export function checkFaultDraft(draft: FaultDraft): FaultDraftErrors {
  const errors: FaultDraftErrors = {};
  const set = (field: keyof FaultDraft, message: string | undefined) => {
    if (message !== undefined) errors[field] = message;
  };
  if (draft.target === '') set('target', 'Choose where the fault applies');
  set('count', integerIn(draft.count, 1, 10_000, 'The count'));
  if (draft.kind === 'error') {
    set('status', integerIn(draft.status, 400, 599, 'The HTTP status'));
    if (draft.status === '' && draft.error.trim() === '') set('status', 'An error needs an HTTP status, an OAuth error code, or both');
    if (draft.error.trim() !== '' && !OAUTH_ERROR_CODE.test(draft.error.trim())) set('error', 'An OAuth error code is printable ASCII without quotes or backslashes');
    if (draft.errorDescription.length > 500) set('errorDescription', 'At most 500 characters');
  } else if (draft.kind === 'rate_limit') {
    set('retryAfterSeconds', integerIn(draft.retryAfterSeconds, 1, 3600, 'Retry-After'));
  } else {
    set('latencyMs', draft.latencyMs === '' ? 'Latency needs a number of milliseconds' : integerIn(draft.latencyMs, 1, 30_000, 'The latency'));
  }
  return errors;
}

const numberOrNothing = (value: NumberField): number | undefined => (value === '' ? undefined : Number(value));

/** The draft as `faults.inject` takes it: only the fields of its kind. */
export function faultInputOf(draft: FaultDraft): FaultInput {
  const count = numberOrNothing(draft.count);
  const base = { target: draft.target as FaultInput['target'], kind: draft.kind, ...(count === undefined ? {} : { count }) };
  if (draft.kind === 'latency') return { ...base, latencyMs: Number(draft.latencyMs) };
  if (draft.kind === 'rate_limit') {
    const retryAfterSeconds = numberOrNothing(draft.retryAfterSeconds);
    return { ...base, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) };
  }
  const status = numberOrNothing(draft.status);
  const error = draft.error.trim();
  const description = draft.errorDescription.trim();
  return { ...base, ...(status === undefined ? {} : { status }), ...(error === '' ? {} : { error }), ...(description === '' ? {} : { errorDescription: description }) };
}
