/**
 * The main process's side of the contract, for any transport: validate the call and
 * its input against the map, run the handler, check its answer against the output
 * schema, and answer with a `WireResult` (never a throw). The Electron IPC handlers and
 * the browser-mode host both hand their calls to one dispatcher.
 */
import type { CallContext, ContractHandlers, ContractSpec, MethodSpec } from './define';
import { invalidInput, wireCallSchema, type ContractErrorData, type WireResult } from './wire';

export interface DispatcherOptions {
  /** Turns whatever a handler threw into error data (the services know their error types). */
  readonly toErrorData: (error: unknown) => ContractErrorData;
  /** Told about a handler's answer that breaks the contract: a bug, never the caller's fault. */
  readonly onContractViolation?: (qualifiedName: string, problem: string) => void;
}

export interface Dispatcher {
  /** Answers one call; `call` is untrusted (it came over a transport). */
  dispatch(call: unknown, context: CallContext): Promise<WireResult>;
  /** The method's spec, when the contract has it (own properties only). */
  lookup(service: string, method: string): MethodSpec | undefined;
}

export function lookupMethod(contract: ContractSpec, service: string, method: string): MethodSpec | undefined {
  if (!Object.hasOwn(contract, service)) return undefined;
  const methods = contract[service]!.methods;
  return Object.hasOwn(methods, method) ? methods[method] : undefined;
}

export function createDispatcher<C extends ContractSpec>(contract: C, handlers: ContractHandlers<C>, options: DispatcherOptions): Dispatcher {
  const handlerTable = handlers as unknown as Readonly<Record<string, Readonly<Record<string, (input: unknown, context: CallContext) => Promise<unknown>>>>>;
  return {
    lookup: (service, method) => lookupMethod(contract, service, method),
    async dispatch(rawCall, context) {
      const call = wireCallSchema.safeParse(rawCall);
      if (!call.success) return { ok: false, error: { code: 'invalid_input', message: 'a call is { service, method, input }' } };
      const { service, method } = call.data;
      const spec = lookupMethod(contract, service, method);
      const handler = spec === undefined ? undefined : handlerTable[service]?.[method];
      if (spec === undefined || handler === undefined) return { ok: false, error: { code: 'unknown_method', message: `no method "${service}.${method}" in the contract` } };
      const input = spec.input.safeParse(call.data.input);
      if (!input.success) return { ok: false, error: invalidInput(input.error, `input of "${service}.${method}"`) };
      let value: unknown;
      try {
        value = await handler(input.data, context);
      } catch (error) {
        return { ok: false, error: options.toErrorData(error) };
      }
      const output = spec.output.safeParse(value);
      if (!output.success) {
        options.onContractViolation?.(`${service}.${method}`, output.error.message);
        return { ok: false, error: { code: 'unexpected', message: `the answer of "${service}.${method}" broke the contract (a bug in the Lab)` } };
      }
      return { ok: true, value: output.data };
    },
  };
}
