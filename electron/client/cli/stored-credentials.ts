/**
 * Credentials kept between command-line runs, one set per target: `--remember` seals
 * them into `<data dir>/credentials.json` under a key derived from
 * TOTANGO_LAB_PASSPHRASE (the headless stand-in for the app's `safeStorage`), a later
 * run that gives no client ID opens them, `--forget` removes them. Without `--remember`
 * nothing is written. The lines said about them name the client ID, never a secret.
 *
 * @see ../targets/credentials.ts (the file), ../targets/passphrase-secret-store.ts (the sealing)
 */
import { join } from 'node:path';
import { isLabError, LabError } from '../flows/lab-error';
import type { AppCredentials } from '../targets/app-credentials';
import { CredentialStore, type SecretStore } from '../targets/credentials';
import { PassphraseSecretStore, PASSPHRASE_VARIABLE } from '../targets/passphrase-secret-store';
import type { CredentialArgs, StoreArgs, TargetArgs } from './lab-args';
import { targetKeyOf } from './lab-session';

export const CREDENTIALS_FILE = 'credentials.json';

/** Says one line on stderr (no newline needed). */
export type Say = (line: string) => void;

export function credentialsFile(store: StoreArgs): string {
  return join(store.dataDir, CREDENTIALS_FILE);
}

/**
 * Lists and removes entries (their client IDs are in the clear) but opens and seals
 * nothing: forgetting, or finding that something is stored, needs no passphrase.
 */
const lockedSecretStore: SecretStore = {
  available: true,
  encrypt: () => Promise.reject(new LabError('credentials_unavailable', `storing credentials needs the passphrase in "${PASSPHRASE_VARIABLE}"`)),
  decrypt: () => Promise.reject(new LabError('credentials_unavailable', `the stored credentials need the passphrase in "${PASSPHRASE_VARIABLE}"`)),
};

function credentialStore(store: StoreArgs, secretStore: SecretStore, say: Say): CredentialStore {
  const filePath = credentialsFile(store);
  return new CredentialStore({ filePath, secretStore, persist: true, onCorruptFile: (movedTo, reason) => say(`lab: "${filePath}" could not be read (${reason}); it was moved aside to "${movedTo}"`) });
}

function sealingStore(store: StoreArgs, say: Say): CredentialStore {
  if (store.passphrase === undefined) throw new LabError('credentials_unavailable', `the stored credentials need the passphrase in "${PASSPHRASE_VARIABLE}"`);
  return credentialStore(store, new PassphraseSecretStore(store.passphrase), say);
}

/** The credentials stored for the target, when the command line names no client and gives no token. */
export async function recallCredentials(target: TargetArgs, args: CredentialArgs, store: StoreArgs, say: Say): Promise<AppCredentials | undefined> {
  if (args.clientId !== undefined || args.accessToken !== undefined) return undefined;
  const key = targetKeyOf(target);
  const entry = (await credentialStore(store, lockedSecretStore, say).list()).find((summary) => summary.targetKey === key);
  if (entry === undefined) return undefined;
  if (store.passphrase === undefined) {
    throw new LabError('credentials_unavailable', `credentials for "${key}" (client id ${entry.clientId}) are stored in "${credentialsFile(store)}": set ${PASSPHRASE_VARIABLE} to open them, or give "--client-id"`);
  }
  let credentials: AppCredentials | undefined;
  try {
    credentials = await sealingStore(store, say).get(key);
  } catch (error) {
    if (!isLabError(error) || error.code !== 'credentials_unavailable') throw error;
    throw new LabError(
      'credentials_unavailable',
      `the credentials stored for "${key}" (client id ${entry.clientId}) do not open with the passphrase in ${PASSPHRASE_VARIABLE}: set the one they were stored with, or store them again with "--remember" (or remove them with "--forget")`,
      { cause: error },
    );
  }
  if (credentials !== undefined) say(`lab: using the credentials stored for ${key} (client id ${credentials.clientId})`);
  return credentials;
}

/** Seals the credentials into the data directory under the target's key, replacing any stored before. */
export async function rememberCredentials(target: TargetArgs, credentials: AppCredentials, store: StoreArgs, say: Say): Promise<void> {
  const key = targetKeyOf(target);
  await sealingStore(store, say).save(key, credentials);
  say(`lab: stored the credentials of ${key} (client id ${credentials.clientId}) in "${credentialsFile(store)}", sealed with the passphrase in ${PASSPHRASE_VARIABLE}`);
}

/** Removes the target's stored credentials; needs no passphrase. */
export async function forgetCredentials(target: TargetArgs, store: StoreArgs, say: Say): Promise<void> {
  const key = targetKeyOf(target);
  const credentials = credentialStore(store, lockedSecretStore, say);
  const entry = (await credentials.list()).find((summary) => summary.targetKey === key);
  if (entry === undefined) {
    say(`lab: no credentials are stored for ${key} in "${credentialsFile(store)}"`);
    return;
  }
  await credentials.remove(key);
  say(`lab: forgot the credentials stored for ${key} (client id ${entry.clientId})`);
}
