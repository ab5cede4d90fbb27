/**
 * The optional last message of a flow: one API call with the token just obtained, to
 * show the token at work. The endpoint is one the token's scopes cover, a read (nothing
 * changes on a real tenant): `whoami` when it can, else the first covered read.
 */
import { useCallback, useState } from 'react';
import { CATALOGUE, type CatalogueEndpoint } from '../../../../shared/catalogue';
import { covers } from '../../../../shared/scopes';
import type { MethodOutput } from '../../../../shared/contract/define';
import type { LabContract } from '../../../../shared/contract/lab-contract';
import { useLabStores, useNotifyContractError } from '../../stores/lab-stores';
import type { ApiCallProgress } from './sequence-messages';

export type ApiCallView = MethodOutput<LabContract, 'calls', 'send'>;

export function probeEndpoint(scopes: readonly string[]): CatalogueEndpoint | undefined {
  const reads = CATALOGUE.filter((endpoint) => endpoint.effect === 'read' && covers(scopes, endpoint.requiredScope).covered);
  return reads.find((endpoint) => endpoint.id === 'whoami') ?? reads.find((endpoint) => endpoint.pathParams.length === 0) ?? reads[0];
}

export function endpointLabel(endpoint: CatalogueEndpoint): string {
  return `${endpoint.method} ${endpoint.path}`;
}

export interface ApiProbe {
  readonly progress: ApiCallProgress;
  readonly result: ApiCallView | null;
  readonly endpoint: CatalogueEndpoint | null;
  probe(scopes: readonly string[]): Promise<void>;
  reset(): void;
}

export function useApiProbe(): ApiProbe {
  const { client } = useLabStores();
  const notifyError = useNotifyContractError();
  const [progress, setProgress] = useState<ApiCallProgress>({ state: 'none' });
  const [result, setResult] = useState<ApiCallView | null>(null);
  const [endpoint, setEndpoint] = useState<CatalogueEndpoint | null>(null);

  const probe = useCallback(
    async (scopes: readonly string[]) => {
      const chosen = probeEndpoint(scopes);
      if (chosen === undefined) return;
      const label = `${endpointLabel(chosen)} with the Bearer token`;
      setEndpoint(chosen);
      setResult(null);
      setProgress({ state: 'sending', label });
      try {
        const request = await client.calls.example({ endpointId: chosen.id as Parameters<typeof client.calls.example>[0]['endpointId'] });
        const call = await client.calls.send({ request, confirmed: false });
        setResult(call);
        const status = call.response?.status;
        setProgress({ state: 'answered', label, ...(status === undefined ? {} : { status }), ok: status !== undefined && status < 300 });
      } catch (error) {
        notifyError(error, `calling ${endpointLabel(chosen)}`);
        setProgress({ state: 'none' });
        setEndpoint(null);
      }
    },
    [client, notifyError],
  );

  const reset = useCallback(() => {
    setProgress({ state: 'none' });
    setResult(null);
    setEndpoint(null);
  }, []);

  return { progress, result, endpoint, probe, reset };
}
