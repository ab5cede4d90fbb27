/**
 * Type-level tests of the contract: compiling this file (`npm run typecheck`) is the
 * assertion. Nothing here runs. They prove that the window's client, the handlers and the
 * preload's bridge all take their types from the one map in lab-contract.ts: a caller
 * sends what an input schema accepts and receives what its output schema gives; a
 * handler receives the parsed input and must return what the output schema accepts;
 * a wrong input, an unknown method or an unknown event does not compile.
 * The Electron side's own checks are in electron/shell/shell.type-test.ts.
 */
import type { z } from 'zod';
import type { BridgeOf } from './bridge';
import type { ContractTransport, LabClientOf } from './client';
import type { ContractHandlers, HandlerInput, MethodInput, MethodOutput, ServiceName } from './define';
import type { createIpcTransport } from './ipc-transport';
import type { LabContract } from './lab-contract';
import type { clientCredentialsInputSchema, flowOutcomeSchema } from './client-schemas';
import type { WireResult } from './wire';

/** True when A and B are the same type (not merely assignable one way). */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when given `true`. */
export type Expect<T extends true> = T;

type Client = LabClientOf<LabContract>;
type ClientCredentials = Client['flows']['clientCredentials'];

export type ClientChecks = [
  // A caller sends the input schema's input type and receives its output schema's output type.
  Expect<Equal<Parameters<ClientCredentials>[0], z.input<typeof clientCredentialsInputSchema>>>,
  Expect<Equal<Awaited<ReturnType<ClientCredentials>>, z.output<typeof flowOutcomeSchema>>>,
  Expect<Equal<Awaited<ReturnType<ClientCredentials>>['token']['accessToken'], string>>,
  Expect<Equal<ReturnType<ClientCredentials>, Promise<MethodOutput<LabContract, 'flows', 'clientCredentials'>>>>,
  // A default (`limit` of mock.requests) is optional to the caller, and always there for the handler.
  Expect<Equal<Parameters<Client['mock']['requests']>[0]['limit'], number | undefined>>,
  Expect<Equal<HandlerInput<LabContract, 'mock', 'requests'>['limit'], number>>,
  // Every service of the map is on the client, and only those (plus `events`).
  Expect<Equal<Exclude<keyof Client, 'events'>, ServiceName<LabContract>>>,
];

type Handlers = ContractHandlers<LabContract>;

export type HandlerChecks = [
  Expect<Equal<Parameters<Handlers['mock']['requests']>[0], HandlerInput<LabContract, 'mock', 'requests'>>>,
  Expect<Equal<Parameters<Handlers['flows']['clientCredentials']>[1], { readonly transport: 'ipc' | 'http' }>>,
  Expect<Equal<keyof Handlers, ServiceName<LabContract>>>,
];

type Bridge = BridgeOf<LabContract>;

export type BridgeChecks = [
  // The bridge has each service and `onEvent`, nothing else: no generic invoke.
  Expect<Equal<keyof Bridge, ServiceName<LabContract> | 'onEvent'>>,
  Expect<Equal<keyof Bridge['flows'], 'clientCredentials' | 'authorizationCode' | 'cancel'>>,
  Expect<Equal<Parameters<Bridge['flows']['clientCredentials']>[0], MethodInput<LabContract, 'flows', 'clientCredentials'>>>,
  Expect<Equal<ReturnType<Bridge['flows']['clientCredentials']>, Promise<WireResult>>>,
  Expect<Equal<ReturnType<typeof createIpcTransport<LabContract>>, ContractTransport>>,
];

/** Never called: each line marked `@ts-expect-error` must fail to compile, and the others must compile. */
export async function compileOnly(client: Client, handlers: Handlers, bridge: Bridge): Promise<void> {
  const outcome = await client.flows.clientCredentials({ targetKey: 'mock', scopes: ['account:read'] });
  outcome.token.accessToken.toUpperCase();
  client.events.on('mock.changed', (payload) => payload.what satisfies string);

  // @ts-expect-error scopes is a list of strings
  await client.flows.clientCredentials({ scopes: 'account:read' });
  // @ts-expect-error the input is a strict object: no unknown key
  await client.flows.clientCredentials({ targetKey: 'mock', clientSecret: 'x' });
  // @ts-expect-error no such method
  await client.flows.refresh({});
  // @ts-expect-error no such service
  await client.admin.reset({});
  // @ts-expect-error no such event
  client.events.on('mock.exploded', () => {});
  // @ts-expect-error the payload of mock.changed has no "token"
  client.events.on('mock.changed', (payload) => payload.token);
  // @ts-expect-error a method's input is required ({} for none)
  await client.lab.info();

  // @ts-expect-error a handler must answer what the output schema accepts
  const wrong: Handlers['lab']['info'] = async () => ({ name: 1 });
  void wrong;
  void handlers;

  // @ts-expect-error the bridge has no generic invoke
  await bridge.invoke('lab:lab.info', {});
  // @ts-expect-error the bridge checks inputs as the client does
  await bridge.mock.advanceClock({ seconds: 'soon' });
}
