/**
 * The state of the registration form: its values, which fields the person has touched
 * (their errors show as they type), the errors the mock sent back (on their field, or
 * for the whole form), and the submission.
 */
import { useCallback, useMemo, useState } from 'react';
import { ContractError } from '../../../../shared/contract/wire';
import { useLabStores } from '../../stores/lab-stores';
import type { MethodOutput } from '../../../../shared/contract/define';
import type { LabContract } from '../../../../shared/contract/lab-contract';
import { formFieldOf, hasErrors, initialValues, toCreateInput, validateRegistration, type FormErrors, type FormField, type RegistrationValues } from './registration-form';

export type CreatedApplication = MethodOutput<LabContract, 'applications', 'create'>;

/** An error of the whole form (the limit, a stopped mock), with its contract code. */
export interface FormLevelError {
  readonly code: string;
  readonly message: string;
}

export function useRegistrationForm(options: { readonly callbackUrl: string; readonly activeUserIds: readonly string[]; readonly onCreated: (created: CreatedApplication) => void }) {
  const { client, workbench } = useLabStores();
  const { activeUserIds, onCreated } = options;
  const [values, setValues] = useState<RegistrationValues>(() => initialValues(options.callbackUrl));
  const [touched, setTouched] = useState<ReadonlySet<FormField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<FormLevelError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempts, setAttempts] = useState(0);

  const errors = useMemo(() => validateRegistration(values, activeUserIds), [values, activeUserIds]);

  const touch = useCallback((field: FormField) => setTouched((now) => (now.has(field) ? now : new Set([...now, field]))), []);

  /** Changes some values; the mock's errors on the fields changed go, as does a form-level error. */
  const change = useCallback((patch: Partial<RegistrationValues>, field?: FormField) => {
    setValues((now) => ({ ...now, ...patch }));
    if (field !== undefined) touch(field);
    const changed = Object.keys(patch);
    setServerErrors((now) => Object.fromEntries(Object.entries(now).filter(([key]) => !changed.some((name) => key === name || key.startsWith(`${name}.`)))));
    setFormError(null);
  }, [touch]);

  const errorOf = useCallback(
    (field: FormField): string | undefined => serverErrors[field] ?? (submitted || touched.has(field) ? errors[field] : undefined),
    [errors, serverErrors, submitted, touched],
  );

  const submit = useCallback(async () => {
    setSubmitted(true);
    setAttempts((n) => n + 1);
    if (hasErrors(errors)) return;
    setSubmitting(true);
    setFormError(null);
    try {
      const created = await client.applications.create(toCreateInput(values));
      void workbench.getState().refreshApplications();
      onCreated(created);
    } catch (error) {
      const field = error instanceof ContractError ? formFieldOf(error.field) : undefined;
      if (error instanceof ContractError && field !== undefined) setServerErrors({ [field]: error.message });
      else if (error instanceof ContractError) setFormError({ code: error.code, message: error.message });
      else setFormError({ code: 'unexpected', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setSubmitting(false);
    }
  }, [client, errors, onCreated, values, workbench]);

  return { values, change, touch, errorOf, submit, submitting, formError, attempts };
}
