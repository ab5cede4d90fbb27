/**
 * The ways an authorization-code flow ends before a token: timeout, cancel, a second
 * flow while one waits, the port taken, a browser that cannot open; each with its own
 * code and message, and the port freed after.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingFetch } from '../http/recording-fetch';
import { resolveTarget } from '../targets/resolve-target';
import type { ResolvedTarget } from '../targets/target';
import { codeFlowApp, codeFlowOptions, stepReached, type CodeFlowApp } from '../testing/code-flow-fixture';
import { startLabMock, type LabMock } from '../testing/lab-mock';
import { occupyPort, rejectionOf } from '../testing/test-support';
import { AuthorizationCodeFlows } from './authorization-code-flow';
import type { AnyLabError } from './lab-error';

let lab: LabMock;
let target: ResolvedTarget;

beforeAll(async () => {
  lab = await startLabMock();
  target = await resolveTarget(lab.target('us'), { fetch: createRecordingFetch({ sink: () => {} }) });
});

afterEach(() => {
  expect(lab.loggedErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await lab.stop();
});

const setup = (scopes?: readonly string[]): Promise<CodeFlowApp> => codeFlowApp(lab, scopes);
const options = (app: CodeFlowApp, extra: Parameters<typeof codeFlowOptions>[2] = {}) => codeFlowOptions(target, app, extra);

describe('ending a flow early', () => {
  const idle = async () => {};

  it('times out when no callback arrives, and frees the port', async () => {
    const s = await setup();
    const { flowOptions, steps } = options(s, { opener: idle, timeoutMs: 150 });
    const error = (await rejectionOf(new AuthorizationCodeFlows().run(flowOptions))) as AnyLabError;
    expect(error.code).toBe('timeout');
    expect(error.message).toBe(`no callback reached http://127.0.0.1:${s.port}/callback within 1 s; the sign-in may have been abandoned in the browser`);
    expect(steps.map((step) => step.step)).toEqual(['request-built', 'browser-opened', 'failed']);
    await (await occupyPort(s.port)).release();
  });

  it('is cancelled by the runner while waiting', async () => {
    const s = await setup();
    const runner = new AuthorizationCodeFlows();
    const opened = stepReached('browser-opened');
    const flow = runner.run(options(s, { opener: idle, onStep: opened.listener }).flowOptions);
    await opened.reached;
    expect(runner.waiting).toBe(true);
    expect(runner.cancel()).toBe(true);
    const error = (await rejectionOf(flow)) as AnyLabError;
    expect(error).toMatchObject({ code: 'cancelled', message: 'the authorization-code flow was cancelled' });
    expect(runner.waiting).toBe(false);
    expect(runner.cancel()).toBe(false);
  });

  it('is cancelled through its signal', async () => {
    const s = await setup();
    const controller = new AbortController();
    const opened = stepReached('browser-opened');
    const flow = new AuthorizationCodeFlows().run(options(s, { opener: idle, signal: controller.signal, onStep: opened.listener }).flowOptions);
    await opened.reached;
    controller.abort();
    expect(((await rejectionOf(flow)) as AnyLabError).code).toBe('cancelled');
  });

  it('refuses a second flow while one waits, then runs one after', async () => {
    const s = await setup();
    const runner = new AuthorizationCodeFlows();
    const opened = stepReached('browser-opened');
    const first = runner.run(options(s, { opener: idle, onStep: opened.listener }).flowOptions);
    await opened.reached;
    const { flowOptions, steps } = options(s);
    const error = (await rejectionOf(runner.run(flowOptions))) as AnyLabError;
    expect(error).toMatchObject({ code: 'flow_in_progress' });
    expect(error.message).toBe(`another authorization-code flow is still waiting for its callback at http://127.0.0.1:${s.port}/callback; finish or cancel it first`);
    expect(steps.map((step) => step.step)).toEqual(['failed']);
    runner.cancel();
    await rejectionOf(first);
    await expect(runner.run(options(s).flowOptions)).resolves.toMatchObject({ flow: 'authorization_code' });
  });

  it('says the port is taken when another program holds it', async () => {
    const s = await setup();
    const holder = await occupyPort(s.port);
    try {
      const error = (await rejectionOf(new AuthorizationCodeFlows().run(options(s).flowOptions))) as AnyLabError;
      expect(error.code).toBe('port_in_use');
      expect(error.message).toMatch(new RegExp(`^port ${s.port} on 127\\.0\\.0\\.1 is already in use`));
    } finally {
      await holder.release();
    }
  });

  it('says so when the browser cannot be opened', async () => {
    const s = await setup();
    const opener = async () => {
      throw new Error('no browser installed');
    };
    const error = (await rejectionOf(new AuthorizationCodeFlows().run(options(s, { opener }).flowOptions))) as AnyLabError;
    expect(error).toMatchObject({ code: 'browser_failed' });
    expect(error.message).toContain('no browser installed');
  });
});
