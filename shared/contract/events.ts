/**
 * Events of the contract (flow steps, timeline entries, the mock's request log): the
 * main process emits them through a hub that checks each payload against its schema,
 * and every transport forwards what the hub publishes.
 */
import type { ContractSpec, QualifiedEventName, QualifiedEventPayload } from './define';
import type { WireEvent } from './wire';

export type WireEventListener = (event: WireEvent) => void;

export interface EventHub<C extends ContractSpec> {
  emit<N extends QualifiedEventName<C>>(name: N, payload: QualifiedEventPayload<C, N>): void;
  /** Every event, as it travels; returns the unsubscribe function. */
  subscribe(listener: WireEventListener): () => void;
}

export function eventSpec(contract: ContractSpec, name: string) {
  const dot = name.indexOf('.');
  if (dot < 0) return undefined;
  const service = name.slice(0, dot);
  const eventName = name.slice(dot + 1);
  if (!Object.hasOwn(contract, service)) return undefined;
  const events = contract[service]!.events;
  return Object.hasOwn(events, eventName) ? events[eventName] : undefined;
}

export function createEventHub<C extends ContractSpec>(contract: C, onViolation?: (name: string, problem: string) => void): EventHub<C> {
  const listeners = new Set<WireEventListener>();
  return {
    emit(name, payload) {
      const spec = eventSpec(contract, name);
      const parsed = spec?.payload.safeParse(payload);
      if (parsed === undefined || !parsed.success) {
        onViolation?.(name, parsed === undefined ? 'no such event' : parsed.error.message);
        return;
      }
      for (const listener of [...listeners]) {
        try {
          listener({ name, payload: parsed.data });
        } catch (error) {
          onViolation?.(name, `a listener failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
