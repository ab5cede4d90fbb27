/**
 * The `lab` service: what the Lab is (name, version, shell, data directory, whether
 * credentials can be kept encrypted) and its preferences.
 */
import type { ContractHandlers } from '../../../shared/contract/define';
import type { LabContract } from '../../../shared/contract/lab-contract';
import type { Preferences } from '../../../shared/contract/client-schemas';
import type { ClientSession } from './session-state';

export const LAB_NAME = 'Totango OAuth Lab';

function preferencesView(session: ClientSession): Preferences {
  const { callbackPort, theme, selectedTarget } = session.preferences.current;
  return { callbackPort, theme, selectedTarget };
}

export function labHandlers(session: ClientSession): ContractHandlers<LabContract>['lab'] {
  const { context } = session;
  return {
    async info() {
      const available = session.credentials.canPersist;
      return {
        name: LAB_NAME,
        version: context.version,
        shell: context.shell,
        dataDir: context.dataDir,
        platform: process.platform,
        secureStorage: {
          available,
          description: available
            ? "credentials you ask to remember are encrypted with the system's key store and kept in the data directory"
            : 'no system key store is available: credentials are kept in memory for this session only',
        },
      };
    },
    async preferences() {
      return preferencesView(session);
    },
    async updatePreferences(input) {
      await session.preferences.update({
        ...(input.callbackPort === undefined ? {} : { callbackPort: input.callbackPort }),
        ...(input.theme === undefined ? {} : { theme: input.theme }),
      });
      return preferencesView(session);
    },
  };
}
