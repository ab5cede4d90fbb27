/**
 * The steps a flow reports as they happen, for the window to animate: each with a
 * one-sentence explanation and the HTTP exchange behind it (already redacted).
 *
 * Authorization code: request-built, browser-opened, callback-received, code-exchanged,
 * token-received. Client credentials: request-built, token-received. Either may end
 * with failed instead.
 */
import type { HttpExchange } from '../http/exchange';
import type { LabErrorData } from './lab-error';

export const FLOW_STEP_NAMES = ['request-built', 'browser-opened', 'callback-received', 'code-exchanged', 'token-received', 'failed'] as const;
export type FlowStepName = (typeof FLOW_STEP_NAMES)[number];

export type FlowKind = 'authorization_code' | 'client_credentials';

export interface FlowStep {
  readonly flow: FlowKind;
  readonly step: FlowStepName;
  /** ISO time the step happened. */
  readonly at: string;
  /** One sentence, for people. */
  readonly explanation: string;
  /** The exchange behind the step, when there was one. */
  readonly exchange?: HttpExchange;
  /** The authorization URL (request-built of the authorization-code flow). */
  readonly url?: string;
  /** Why the flow failed (failed only). */
  readonly error?: LabErrorData;
}

export type FlowStepListener = (step: FlowStep) => void;

/** Emits steps to a listener that may throw without breaking the flow. */
export class StepReporter {
  private readonly steps: FlowStep[] = [];

  constructor(
    private readonly flow: FlowKind,
    private readonly listener: FlowStepListener | undefined,
    private readonly now: () => number,
  ) {}

  report(step: FlowStepName, explanation: string, extra: { exchange?: HttpExchange; url?: string; error?: LabErrorData } = {}): FlowStep {
    const reported: FlowStep = { flow: this.flow, step, at: new Date(this.now()).toISOString(), explanation, ...definedOnly(extra) };
    this.steps.push(reported);
    try {
      this.listener?.(reported);
    } catch {
      // A listener's failure is the window's problem, not the flow's.
    }
    return reported;
  }

  /** Every step reported so far: a live view, complete once the flow has ended. */
  get reported(): readonly FlowStep[] {
    return this.steps;
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as Partial<T>;
}
