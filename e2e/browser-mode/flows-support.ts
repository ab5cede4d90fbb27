/**
 * What the flows and demo specs set up through the Lab's contract, over browser mode's
 * own HTTP endpoint with the launch token (as the window does): an app registered this
 * session, so that the Lab holds its secret; a preference; the mock's settings.
 */
import type { APIRequestContext } from '@playwright/test';
import { callLab } from '../support/lab-contract';
import type { BrowserLab } from '../support/browser-lab';

export { callLab };

export interface RegisteredApp {
  readonly clientId: string;
  readonly name: string;
  readonly callbackUrls: readonly string[];
}

export async function registerApp(request: APIRequestContext, lab: BrowserLab, input: Record<string, unknown>): Promise<RegisteredApp> {
  const { application } = await callLab<{ application: RegisteredApp }>(request, lab, 'applications', 'create', input);
  return application;
}
