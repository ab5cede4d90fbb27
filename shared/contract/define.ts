/**
 * How the contract between the window and the main process is written down: a map of
 * services, each with methods (an input schema and an output schema) and events (a
 * payload schema). The preload, the IPC handlers, the browser-mode host and the
 * window's client are all derived from that one map, so none of them can drift.
 *
 * Types flow from the schemas: a handler receives the parsed input (`z.output` of the
 * input schema) and returns what the output schema accepts (`z.input`); a caller sends
 * `z.input` and receives `z.output`.
 */
import type { z } from 'zod';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** One sentence: what the method does, for the generated docs and the window's authors. */
  readonly summary: string;
  readonly input: I;
  readonly output: O;
}

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly summary: string;
  readonly payload: P;
}

export interface ServiceSpec {
  readonly summary: string;
  readonly methods: Readonly<Record<string, MethodSpec>>;
  readonly events: Readonly<Record<string, EventSpec>>;
}

export type ContractSpec = Readonly<Record<string, ServiceSpec>>;

export function method<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): MethodSpec<I, O> {
  return Object.freeze({ summary, input, output });
}

export function event<P extends z.ZodType>(summary: string, payload: P): EventSpec<P> {
  return Object.freeze({ summary, payload });
}

export function service<M extends Record<string, MethodSpec>, E extends Record<string, EventSpec> = Record<never, EventSpec>>(
  summary: string,
  methods: M,
  events?: E,
): { readonly summary: string; readonly methods: Readonly<M>; readonly events: Readonly<E> } {
  return Object.freeze({ summary, methods: Object.freeze(methods), events: Object.freeze(events ?? ({} as E)) });
}

export type ServiceName<C extends ContractSpec> = keyof C & string;
export type MethodName<C extends ContractSpec, S extends ServiceName<C>> = keyof C[S]['methods'] & string;
export type EventName<C extends ContractSpec, S extends ServiceName<C>> = keyof C[S]['events'] & string;

/** What a caller sends. */
export type MethodInput<C extends ContractSpec, S extends ServiceName<C>, M extends MethodName<C, S>> = z.input<C[S]['methods'][M]['input']>;
/** What a caller receives. */
export type MethodOutput<C extends ContractSpec, S extends ServiceName<C>, M extends MethodName<C, S>> = z.output<C[S]['methods'][M]['output']>;
/** What a handler receives: the input after validation (defaults applied). */
export type HandlerInput<C extends ContractSpec, S extends ServiceName<C>, M extends MethodName<C, S>> = z.output<C[S]['methods'][M]['input']>;
/** What a handler may return: anything the output schema accepts. */
export type HandlerOutput<C extends ContractSpec, S extends ServiceName<C>, M extends MethodName<C, S>> = z.input<C[S]['methods'][M]['output']>;
export type EventPayload<C extends ContractSpec, S extends ServiceName<C>, E extends EventName<C, S>> = z.output<C[S]['events'][E]['payload']>;

/** `service.event`, the name an event travels under. */
export type QualifiedEventName<C extends ContractSpec> = { [S in ServiceName<C>]: `${S}.${EventName<C, S>}` }[ServiceName<C>];
export type QualifiedEventPayload<C extends ContractSpec, N extends QualifiedEventName<C>> = N extends `${infer S}.${infer E}`
  ? S extends ServiceName<C>
    ? E extends EventName<C, S>
      ? EventPayload<C, S, E>
      : never
    : never
  : never;

/** Who called: the transport fills it in, so a service can tell the window from the browser-mode page. */
export interface CallContext {
  readonly transport: 'ipc' | 'http';
}

/** The main process's side: one async function per method of every service. */
export type ContractHandlers<C extends ContractSpec> = {
  readonly [S in ServiceName<C>]: {
    readonly [M in MethodName<C, S>]: (input: HandlerInput<C, S, M>, context: CallContext) => Promise<HandlerOutput<C, S, M>>;
  };
};

/** The window's side: one async function per method, throwing `ContractError` on failure. */
export type ContractClient<C extends ContractSpec> = {
  readonly [S in ServiceName<C>]: {
    readonly [M in MethodName<C, S>]: (input: MethodInput<C, S, M>) => Promise<MethodOutput<C, S, M>>;
  };
};

/** Every method's qualified name (`service.method`), read off the map: what the preload and the handlers enumerate. */
export function methodNames(contract: ContractSpec): readonly (readonly [service: string, method: string])[] {
  return Object.freeze(Object.entries(contract).flatMap(([serviceName, spec]) => Object.keys(spec.methods).map((m) => Object.freeze([serviceName, m] as const))));
}

/** Every event's qualified name (`service.event`). */
export function eventNames(contract: ContractSpec): readonly string[] {
  return Object.freeze(Object.entries(contract).flatMap(([serviceName, spec]) => Object.keys(spec.events).map((e) => `${serviceName}.${e}`)));
}
