/**
 * The steps each grant goes through, in order, and where a running or finished flow
 * stands among them: which are done, which one is waiting, and which one failed. The
 * steps themselves arrive as `flows.step` events (the Lab's own sentence, and the HTTP
 * exchange behind each).
 */
import type { FlowStepView } from '../../../../shared/contract/client-schemas';
import type { ContractErrorData } from '../../../../shared/contract/wire';

export type FlowKind = FlowStepView['flow'];
export type PlannedStepName = Exclude<FlowStepView['step'], 'failed'>;

export interface PlannedStep {
  readonly name: PlannedStepName;
  readonly title: string;
  /** What the step is, before it happens. */
  readonly pending: string;
}

export const PLANNED_STEPS: Readonly<Record<FlowKind, readonly PlannedStep[]>> = Object.freeze({
  authorization_code: [
    { name: 'request-built', title: 'Authorization request built', pending: 'The Lab builds the authorization URL with a PKCE challenge and a random state.' },
    { name: 'browser-opened', title: 'Consent page opened', pending: 'The browser opens the authorization page, where the person signs in and consents.' },
    { name: 'callback-received', title: 'Callback received', pending: 'The browser comes back to the Lab’s loopback callback with a code.' },
    { name: 'code-exchanged', title: 'Code exchanged', pending: 'The Lab sends the code and the PKCE verifier to the token endpoint.' },
    { name: 'token-received', title: 'Token received', pending: 'The authorization server answers with the access token.' },
  ],
  client_credentials: [
    { name: 'request-built', title: 'Token request built', pending: 'The Lab builds the token request and authenticates the app.' },
    { name: 'token-received', title: 'Token received', pending: 'The authorization server checks the app and answers with the access token.' },
  ],
});

export const GRANT_LABELS: Readonly<Record<FlowKind, string>> = Object.freeze({
  authorization_code: 'Authorization code',
  client_credentials: 'Client credentials',
});

/** done: happened; waiting: the flow is at it now; pending: not yet; failed: the flow stopped here; skipped: never reached. */
export type StepState = 'done' | 'waiting' | 'pending' | 'failed' | 'skipped';

export interface ProgressItem extends PlannedStep {
  readonly state: StepState;
  /** The step as the Lab reported it, once it happened. */
  readonly step?: FlowStepView;
}

export interface FlowProgress {
  readonly items: readonly ProgressItem[];
  /** The index of the failed item, when the flow failed. */
  readonly failedAt?: number;
  /** Why it failed: the failed step's error, or the error the call ended with. */
  readonly error?: ContractErrorData;
  /** The failed step, when the Lab reported one. */
  readonly failedStep?: FlowStepView;
}

/**
 * Where the flow stands. A failure belongs to the step it interrupted: the next one not
 * yet reported, unless the failed step's exchange is the last reported step's own (the
 * callback that came back carrying `error=access_denied`), in which case that step failed.
 */
export function flowProgress(flow: FlowKind, steps: readonly FlowStepView[], running: boolean, callError?: ContractErrorData | null): FlowProgress {
  const plan = PLANNED_STEPS[flow];
  const reported = new Map<PlannedStepName, FlowStepView>();
  for (const step of steps) if (step.step !== 'failed' && step.flow === flow) reported.set(step.step, step);
  const reachedCount = plan.reduce((count, planned, index) => (reported.has(planned.name) ? index + 1 : count), 0);
  const failedStep = steps.find((step) => step.step === 'failed');
  const error = failedStep?.error ?? callError ?? undefined;
  let failedAt: number | undefined;
  if (error !== undefined) {
    const last = reachedCount > 0 ? reported.get(plan[reachedCount - 1]!.name) : undefined;
    const ownExchange = failedStep?.exchange !== undefined && last?.exchange?.id === failedStep.exchange.id;
    failedAt = Math.min(ownExchange ? reachedCount - 1 : reachedCount, plan.length - 1);
  }
  const items = plan.map((planned, index): ProgressItem => {
    const step = reported.get(planned.name);
    const state: StepState =
      failedAt !== undefined
        ? index < failedAt
          ? 'done'
          : index === failedAt
            ? 'failed'
            : 'skipped'
        : step !== undefined
          ? 'done'
          : index === reachedCount && running
            ? 'waiting'
            : 'pending';
    return { ...planned, state, ...(step === undefined ? {} : { step }) };
  });
  return { items, ...(failedAt === undefined ? {} : { failedAt }), ...(error === undefined ? {} : { error }), ...(failedStep === undefined ? {} : { failedStep }) };
}
