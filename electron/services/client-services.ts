/**
 * The client engine's side of the contract: the `lab`, `targets`, `flows`, `tokens`,
 * `calls`, `diagnostics` and `recorder` services, composed over `electron/client/` the
 * way the command line composes it headless (`electron/client/cli/lab-session.ts`), but
 * for the life of the window: one timeline, one current token, credentials per target.
 */
import type { ContractHandlers } from '../../shared/contract/define';
import type { LabContract } from '../../shared/contract/lab-contract';
import { callsHandlers } from './client/calls';
import { diagnosticsHandlers } from './client/diagnostics';
import { flowsHandlers } from './client/flows';
import { labHandlers } from './client/lab';
import { recorderHandlers } from './client/recorder';
import { ClientSession } from './client/session-state';
import { targetsHandlers } from './client/targets';
import { tokensHandlers } from './client/tokens';
import type { ServiceContext } from './lab-services';

export type ClientServiceName = 'lab' | 'targets' | 'flows' | 'tokens' | 'calls' | 'diagnostics' | 'recorder';

export interface ClientHandlers {
  readonly handlers: Pick<ContractHandlers<LabContract>, ClientServiceName>;
  /** Cancels a flow waiting for its callback, and closes the TLS dispatchers. */
  close(): Promise<void>;
}

export async function createClientHandlers(context: ServiceContext): Promise<ClientHandlers> {
  const session = await ClientSession.open(context);
  return {
    handlers: {
      lab: labHandlers(session),
      targets: targetsHandlers(session),
      flows: flowsHandlers(session),
      tokens: tokensHandlers(session),
      calls: callsHandlers(session),
      diagnostics: diagnosticsHandlers(session),
      recorder: recorderHandlers(session),
    },
    close: () => session.close(),
  };
}
