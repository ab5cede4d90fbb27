/**
 * Saving one change of an application's details (its lifetime, its callback URLs): the
 * call in flight, the mock's error on the field, "Saved" once done.
 */
import { useState } from 'react';
import type { MethodInput } from '../../../../shared/contract/define';
import type { LabContract } from '../../../../shared/contract/lab-contract';
import { ContractError } from '../../../../shared/contract/wire';
import { useLabStores, useNotifyContractError } from '../../stores/lab-stores';

type UpdateInput = MethodInput<LabContract, 'applications', 'update'>;

export function useApplicationUpdate(clientId: string, what: string) {
  const { client, workbench } = useLabStores();
  const notifyError = useNotifyContractError();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [fieldError, setFieldError] = useState<{ readonly field: string; readonly message: string } | null>(null);

  const save = async (changes: Omit<UpdateInput, 'clientId'>) => {
    setSaving(true);
    setSaved(false);
    setFieldError(null);
    try {
      await client.applications.update({ clientId, ...changes });
      await workbench.getState().refreshApplications();
      setSaved(true);
    } catch (error) {
      if (error instanceof ContractError && error.field !== undefined && error.field !== 'clientId') setFieldError({ field: error.field, message: error.message });
      else notifyError(error, `saving ${what}`);
    } finally {
      setSaving(false);
    }
  };

  /** The person edits again: "Saved" and the last error go. */
  const editing = () => {
    setSaved(false);
    setFieldError(null);
  };

  return { save, saving, saved, fieldError, editing };
}
