/**
 * The window's side of the contract: a typed client over any transport. Each method
 * sends its input and resolves with the output, or rejects with a `ContractError`
 * rebuilt from the error data that crossed. Events arrive through `on`.
 */
import type { ContractClient, ContractSpec, QualifiedEventName, QualifiedEventPayload } from './define';
import { eventSpec } from './events';
import { ContractError, contractErrorDataSchema, wireResultSchema, type WireEvent, type WireResult } from './wire';

/** What a transport must do: answer calls and deliver events. */
export interface ContractTransport {
  call(service: string, method: string, input: unknown): Promise<WireResult>;
  /** Every event the main process publishes; returns the unsubscribe function. */
  subscribe(listener: (event: WireEvent) => void): () => void;
}

export interface ContractEvents<C extends ContractSpec> {
  on<N extends QualifiedEventName<C>>(name: N, listener: (payload: QualifiedEventPayload<C, N>) => void): () => void;
}

export type LabClientOf<C extends ContractSpec> = ContractClient<C> & { readonly events: ContractEvents<C> };

export function createContractClient<C extends ContractSpec>(contract: C, transport: ContractTransport): LabClientOf<C> {
  const services: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const [serviceName, spec] of Object.entries(contract)) {
    const methods: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const methodName of Object.keys(spec.methods)) {
      methods[methodName] = async (input: unknown) => {
        let answer: WireResult;
        try {
          answer = await transport.call(serviceName, methodName, input);
        } catch (error) {
          throw new ContractError({ code: 'unavailable', message: `the Lab did not answer "${serviceName}.${methodName}": ${error instanceof Error ? error.message : String(error)}` });
        }
        const parsed = wireResultSchema.safeParse(answer);
        if (!parsed.success) throw new ContractError({ code: 'unexpected', message: `the answer of "${serviceName}.${methodName}" is not a contract result` });
        if (parsed.data.ok) return parsed.data.value;
        const error = contractErrorDataSchema.safeParse(parsed.data.error);
        throw new ContractError(error.success ? error.data : { code: 'unexpected', message: 'an error outside the contract' });
      };
    }
    services[serviceName] = Object.freeze(methods);
  }
  const events: ContractEvents<C> = {
    on(name, listener) {
      return transport.subscribe((event) => {
        if (event.name !== name || eventSpec(contract, name) === undefined) return;
        listener(event.payload as QualifiedEventPayload<C, typeof name>);
      });
    },
  };
  return Object.freeze({ ...services, events }) as unknown as LabClientOf<C>;
}
