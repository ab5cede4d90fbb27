/**
 * What the flows and demo specs set up through the Lab's contract, over browser mode's
 * own HTTP endpoint with the launch token (as the window does): an app registered this
 * session, so that the Lab holds its secret; a preference; the mock's settings.
 */
import type { APIRequestContext } from '@playwright/test';
import { HTTP_CALL_PATH, TOKEN_HEADER } from '../../shared/contract/http-transport';
import type { BrowserLab } from '../support/browser-lab';

export async function callLab<T>(request: APIRequestContext, lab: BrowserLab, service: string, method: string, input: unknown = {}): Promise<T> {
  const response = await request.post(`${lab.origin}${HTTP_CALL_PATH}`, { headers: { [TOKEN_HEADER]: lab.token }, data: { service, method, input } });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!result.ok) throw new Error(`${service}.${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export interface RegisteredApp {
  readonly clientId: string;
  readonly name: string;
  readonly callbackUrls: readonly string[];
}

export async function registerApp(request: APIRequestContext, lab: BrowserLab, input: Record<string, unknown>): Promise<RegisteredApp> {
  const { application } = await callLab<{ application: RegisteredApp }>(request, lab, 'applications', 'create', input);
  return application;
}
