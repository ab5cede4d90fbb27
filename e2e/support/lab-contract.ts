/**
 * The Lab's contract from a spec, over browser mode's own HTTP endpoint with the launch
 * token (as the window calls it): for setting up what a screen under test needs.
 */
import type { APIRequestContext } from '@playwright/test';
import { createContractClient } from '../../shared/contract/client';
import { HTTP_CALL_PATH, TOKEN_HEADER } from '../../shared/contract/http-transport';
import { LAB_CONTRACT } from '../../shared/contract/lab-contract';
import { wireResultSchema } from '../../shared/contract/wire';
import type { BrowserLab } from './browser-lab';

/** One call by name, untyped; throws with the contract error's code and message. */
export async function callLab<T>(request: APIRequestContext, lab: BrowserLab, service: string, method: string, input: unknown = {}): Promise<T> {
  const response = await request.post(`${lab.origin}${HTTP_CALL_PATH}`, { headers: { [TOKEN_HEADER]: lab.token }, data: { service, method, input } });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!result.ok) throw new Error(`${service}.${method} refused: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The typed contract client (no events: the window gets those). */
export function labContract(lab: BrowserLab) {
  return createContractClient(LAB_CONTRACT, {
    async call(service, method, input) {
      const response = await fetch(`${lab.origin}${HTTP_CALL_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: lab.token },
        body: JSON.stringify({ service, method, input }),
      });
      return wireResultSchema.parse(await response.json());
    },
    subscribe: () => () => {},
  });
}
