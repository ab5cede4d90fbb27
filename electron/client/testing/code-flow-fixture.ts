/**
 * Test support for the authorization-code flow: an app registered on the mock with the
 * exact callback URL of a free loopback port, flow options with a step collector and a
 * mock browser, and a promise for the moment a step is reported.
 */
import type { AuthorizationCodeFlowOptions } from '../flows/authorization-code-flow';
import type { FlowStep } from '../flows/flow-steps';
import { AppCredentials } from '../targets/app-credentials';
import type { ResolvedTarget } from '../targets/target';
import type { LabMock, RegisteredApp } from './lab-mock';
import { mockBrowser, type MockBrowserOptions } from './mock-browser';
import { collector, freePort } from './test-support';

export interface CodeFlowApp {
  readonly registered: RegisteredApp;
  readonly port: number;
}

/** An authorization-code app whose one callback URL is `http://127.0.0.1:{free port}/callback`. */
export async function codeFlowApp(lab: LabMock, scopes: readonly string[] = ['account:read', 'user:read']): Promise<CodeFlowApp> {
  const port = await freePort();
  const registered = await lab.register({ grantType: 'authorization_code', callbackUrls: [`http://127.0.0.1:${port}/callback`], scopes });
  return { registered, port };
}

/** Flow options for the app, on its port, with the mock browser (configured by `browser`) as opener. */
export function codeFlowOptions(
  target: ResolvedTarget,
  app: CodeFlowApp,
  extra: Partial<AuthorizationCodeFlowOptions> & { browser?: MockBrowserOptions } = {},
): { flowOptions: AuthorizationCodeFlowOptions; steps: FlowStep[] } {
  const steps = collector<FlowStep>();
  const { browser, ...rest } = extra;
  const flowOptions: AuthorizationCodeFlowOptions = {
    target,
    credentials: new AppCredentials({ clientId: app.registered.clientId, clientSecret: app.registered.clientSecret }),
    redirectPort: app.port,
    opener: mockBrowser(browser),
    onStep: steps.listener,
    ...rest,
  };
  return { flowOptions, steps: steps.items };
}

/** A step listener, and a promise that resolves when the flow reports the step named. */
export function stepReached(name: FlowStep['step']): { listener: (step: FlowStep) => void; reached: Promise<FlowStep> } {
  let resolve: (step: FlowStep) => void = () => {};
  const reached = new Promise<FlowStep>((r) => (resolve = r));
  return { listener: (step) => step.step === name && resolve(step), reached };
}

/** The claims of a JWT, unverified. */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}
