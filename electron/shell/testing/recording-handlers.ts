/**
 * Handlers for every method of a contract that record each call and answer from a small
 * table: a method without an answer fails with `unavailable`. With a real dispatcher in
 * front, a test sees exactly which calls reached a service, and with what input.
 */
import type { CallContext, ContractHandlers, ContractSpec } from '../../../shared/contract/define';
import { createDispatcher, type Dispatcher } from '../../../shared/contract/dispatch';
import { ServiceError, toContractErrorData } from '../../services/service-error';

export interface RecordedCall {
  /** `service.method`. */
  readonly name: string;
  /** The input as the handler received it: validated, defaults applied. */
  readonly input: unknown;
  readonly context: CallContext;
}

/** Answers by qualified name (`lab.info`): a function of the validated input. */
export type Answers = Readonly<Record<string, (input: unknown) => unknown>>;

export interface RecordingDispatcher<C extends ContractSpec> {
  readonly handlers: ContractHandlers<C>;
  readonly dispatcher: Dispatcher;
  readonly calls: RecordedCall[];
  /** What the dispatcher reported as broken answers. */
  readonly violations: string[];
}

export function recordingDispatcher<C extends ContractSpec>(contract: C, answers: Answers = {}): RecordingDispatcher<C> {
  const calls: RecordedCall[] = [];
  const violations: string[] = [];
  const handlers: Record<string, Record<string, (input: unknown, context: CallContext) => Promise<unknown>>> = {};
  for (const [service, spec] of Object.entries(contract)) {
    handlers[service] = {};
    for (const method of Object.keys(spec.methods)) {
      const name = `${service}.${method}`;
      handlers[service][method] = async (input, context) => {
        calls.push({ name, input, context });
        const answer = answers[name];
        if (answer === undefined) throw new ServiceError('unavailable', `"${name}" has no answer in this test`);
        return answer(input);
      };
    }
  }
  const typed = handlers as unknown as ContractHandlers<C>;
  const dispatcher = createDispatcher(contract, typed, {
    toErrorData: (error) => toContractErrorData(error),
    onContractViolation: (name, problem) => violations.push(`${name}: ${problem}`),
  });
  return { handlers: typed, dispatcher, calls, violations };
}
