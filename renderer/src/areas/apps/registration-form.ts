/**
 * Totango's "Register New OAuth Application" form as data: its values, the rules checked
 * as the person types, the contract input it becomes, and where a contract error's
 * `field` lands on the form.
 */
import type { MethodInput } from '../../../../shared/contract/define';
import type { LabContract } from '../../../../shared/contract/lab-contract';
import type { RegionId } from '../../../../shared/regions';
import type { Scope } from '../../../../shared/scopes';
import { callbackUrlProblems, MAX_CALLBACK_URLS } from './callback-url-rules';
import { scopesToRegister } from './scope-selection';
import { DEFAULT_LIFETIME, lifetimeSeconds, type LifetimeParts } from './token-lifetime';

export type GrantType = 'authorization_code' | 'client_credentials';
export type CreateApplicationInput = MethodInput<LabContract, 'applications', 'create'>;

export interface RegistrationValues {
  readonly name: string;
  readonly mutualTls: boolean;
  readonly lifetime: LifetimeParts;
  readonly grantType: GrantType;
  readonly callbackUrls: readonly string[];
  readonly actingUserId: string | null;
  readonly scopes: readonly Scope[];
  readonly region: RegionId;
}

/** The form's fields, in the article's order; `callbackUrls.2` names one line. */
export type FormField = 'name' | 'mutualTls' | 'lifetime' | 'grantType' | 'callbackUrls' | `callbackUrls.${number}` | 'actingUserId' | 'scopes' | 'region';
export type FormErrors = Partial<Record<FormField, string>>;

export function initialValues(callbackUrl: string): RegistrationValues {
  return { name: '', mutualTls: false, lifetime: DEFAULT_LIFETIME, grantType: 'authorization_code', callbackUrls: [callbackUrl], actingUserId: null, scopes: [], region: 'us' };
}

/** Every rule the form checks before it sends; the mock checks them again. */
export function validateRegistration(values: RegistrationValues, activeUserIds: readonly string[]): FormErrors {
  const errors: FormErrors = {};
  if (values.name.trim() === '') errors.name = 'Enter the application name.';
  else if (values.name.trim().length > 100) errors.name = 'At most 100 characters.';
  const lifetime = lifetimeSeconds(values.lifetime);
  if ('problem' in lifetime) errors.lifetime = lifetime.problem;
  if (values.grantType === 'authorization_code') {
    if (values.callbackUrls.length === 0) errors.callbackUrls = 'Add one or more callback URLs: Totango redirects to them during the authorization flow.';
    else if (values.callbackUrls.length > MAX_CALLBACK_URLS) errors.callbackUrls = `At most ${MAX_CALLBACK_URLS} callback URLs.`;
    callbackUrlProblems(values.callbackUrls).forEach((problem, i) => {
      if (problem !== undefined) errors[`callbackUrls.${i}`] = problem;
    });
  } else if (values.actingUserId === null) {
    errors.actingUserId = 'Select the user the application acts as.';
  } else if (!activeUserIds.includes(values.actingUserId)) {
    errors.actingUserId = 'This user is no longer active: select an active one.';
  }
  if (scopesToRegister(values.scopes).length === 0) errors.scopes = 'Select at least one scope.';
  return errors;
}

export function hasErrors(errors: FormErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** The contract input; call only when `validateRegistration` found nothing. */
export function toCreateInput(values: RegistrationValues): CreateApplicationInput {
  const lifetime = lifetimeSeconds(values.lifetime);
  const common = {
    name: values.name.trim(),
    region: values.region,
    scopes: scopesToRegister(values.scopes),
    accessTokenTtlSeconds: 'seconds' in lifetime ? lifetime.seconds : 24 * 3600,
    mutualTls: values.mutualTls,
  };
  return values.grantType === 'authorization_code'
    ? { ...common, grantType: 'authorization_code', callbackUrls: [...values.callbackUrls] }
    : { ...common, grantType: 'client_credentials', actingUserId: values.actingUserId ?? '' };
}

/** The form field a contract error's `field` (`accessTokenTtlSeconds`, `scopes.2`, `callbackUrls.0`) names, if any. */
export function formFieldOf(field: string | undefined): FormField | undefined {
  if (field === undefined) return undefined;
  const [head, index] = field.split('.');
  switch (head) {
    case 'name':
    case 'mutualTls':
    case 'grantType':
    case 'actingUserId':
    case 'region':
      return head;
    case 'accessTokenTtlSeconds':
      return 'lifetime';
    case 'scopes':
      return 'scopes';
    case 'callbackUrls':
      return index !== undefined && /^\d+$/.test(index) ? `callbackUrls.${Number(index)}` : 'callbackUrls';
    default:
      return undefined;
  }
}
