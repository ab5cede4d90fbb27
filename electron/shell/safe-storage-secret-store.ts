/**
 * The credential store's `SecretStore` over Electron's `safeStorage`: the OS keychain
 * (macOS Keychain, Windows DPAPI, the Secret Service or KWallet on Linux) holds the key.
 * On Linux without a secret service, Electron falls back to a hard-coded password
 * (`basic_text`) and still calls encryption "available"; that is obfuscation, not
 * protection, so the store says unavailable and credentials stay in memory.
 *
 * @see https://www.electronjs.org/docs/latest/api/safe-storage
 */
import type { SafeStorage } from 'electron';
import type { SecretStore } from '../client/targets/credentials';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

export function createSafeStorageSecretStore(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretStore {
  const available = (): boolean => {
    if (!safeStorage.isEncryptionAvailable()) return false;
    return platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
  };
  return {
    // Read on each use: safeStorage answers only once the app is ready.
    get available() {
      return available();
    },
    async encrypt(plain) {
      if (!available()) throw new Error("the system's secure storage is not available");
      return safeStorage.encryptString(plain);
    },
    async decrypt(sealed) {
      if (!available()) throw new Error("the system's secure storage is not available");
      return safeStorage.decryptString(sealed);
    },
  };
}
