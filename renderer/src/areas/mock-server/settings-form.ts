/**
 * The mock settings form: its draft (number fields may be `''` while typed), the checks
 * of the contract's bounds, and the changed fields only, for `mock.updateSettings`.
 */
import type { MockSettingsView } from '../../../../shared/contract/mock-schemas';

export interface SettingsDraft {
  readonly applicationLimit: number | string;
  readonly pkceRequired: boolean;
  readonly signingAlgorithm: MockSettingsView['signingAlgorithm'];
  readonly authorizationCodeTtlSeconds: number | string;
}

export type SettingsErrors = Partial<Record<keyof SettingsDraft, string>>;

export const LIMIT_RANGE = { min: 1, max: 100 } as const;
export const CODE_TTL_RANGE = { min: 5, max: 600 } as const;

function wholeIn(value: number | string, range: { readonly min: number; readonly max: number }): string | undefined {
  const n = value === '' ? Number.NaN : Number(value);
  return Number.isInteger(n) && n >= range.min && n <= range.max ? undefined : `A whole number from ${range.min} to ${range.max}`;
}

export function checkSettings(draft: SettingsDraft): SettingsErrors {
  const errors: SettingsErrors = {};
  const limit = wholeIn(draft.applicationLimit, LIMIT_RANGE);
  const ttl = wholeIn(draft.authorizationCodeTtlSeconds, CODE_TTL_RANGE);
  if (limit !== undefined) errors.applicationLimit = limit;
  if (ttl !== undefined) errors.authorizationCodeTtlSeconds = ttl;
  return errors;
}

/** What differs from `saved`, as `mock.updateSettings` takes it; empty when nothing does. */
export function changedSettings(draft: SettingsDraft, saved: MockSettingsView): Partial<MockSettingsView> {
  const changes: Partial<MockSettingsView> = {};
  if (Number(draft.applicationLimit) !== saved.applicationLimit) changes.applicationLimit = Number(draft.applicationLimit);
  if (draft.pkceRequired !== saved.pkceRequired) changes.pkceRequired = draft.pkceRequired;
  if (draft.signingAlgorithm !== saved.signingAlgorithm) changes.signingAlgorithm = draft.signingAlgorithm;
  if (Number(draft.authorizationCodeTtlSeconds) !== saved.authorizationCodeTtlSeconds) changes.authorizationCodeTtlSeconds = Number(draft.authorizationCodeTtlSeconds);
  return changes;
}
