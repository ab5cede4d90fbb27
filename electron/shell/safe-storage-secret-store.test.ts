import { describe, expect, it } from 'vitest';
import { createSafeStorageSecretStore, type SafeStorageLike } from './safe-storage-secret-store';

/** A reversible stand-in for the OS keychain: what matters is that the store goes through it. */
function fakeSafeStorage(options: { available: boolean; backend?: ReturnType<SafeStorageLike['getSelectedStorageBackend']> }) {
  const state = { ...options, encrypted: [] as string[] };
  const storage: SafeStorageLike = {
    isEncryptionAvailable: () => state.available,
    getSelectedStorageBackend: () => state.backend ?? 'gnome_libsecret',
    encryptString: (plain) => {
      state.encrypted.push(plain);
      return Buffer.from(`sealed:${Buffer.from(plain).toString('base64')}`);
    },
    decryptString: (sealed) => {
      const text = sealed.toString();
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice('sealed:'.length), 'base64').toString();
    },
  };
  return { storage, state };
}

describe('the safeStorage secret store', () => {
  it('seals with the system key and opens what it sealed', async () => {
    const { storage, state } = fakeSafeStorage({ available: true });
    const store = createSafeStorageSecretStore(storage, 'linux');
    expect(store.available).toBe(true);
    const sealed = await store.encrypt('client-secret-123');
    expect(sealed.toString()).not.toContain('client-secret-123');
    await expect(store.decrypt(sealed)).resolves.toBe('client-secret-123');
    expect(state.encrypted).toEqual(['client-secret-123']);
  });

  it("is unavailable on Linux when Electron falls back to its hard-coded key (basic_text), but not elsewhere", () => {
    const { storage } = fakeSafeStorage({ available: true, backend: 'basic_text' });
    expect(createSafeStorageSecretStore(storage, 'linux').available).toBe(false);
    expect(createSafeStorageSecretStore(storage, 'darwin').available).toBe(true);
  });

  it('follows safeStorage as it becomes available (after the app is ready)', () => {
    const { storage, state } = fakeSafeStorage({ available: false });
    const store = createSafeStorageSecretStore(storage, 'win32');
    expect(store.available).toBe(false);
    state.available = true;
    expect(store.available).toBe(true);
  });

  it('refuses to seal or open anything while unavailable, without touching safeStorage', async () => {
    const { storage, state } = fakeSafeStorage({ available: false });
    const store = createSafeStorageSecretStore(storage, 'darwin');
    await expect(store.encrypt('client-secret-123')).rejects.toThrow("the system's secure storage is not available");
    await expect(store.decrypt(Buffer.from('sealed:x'))).rejects.toThrow("the system's secure storage is not available");
    expect(state.encrypted).toEqual([]);
  });

  it("passes on safeStorage's refusal of what it cannot open", async () => {
    const store = createSafeStorageSecretStore(fakeSafeStorage({ available: true }).storage, 'darwin');
    await expect(store.decrypt(Buffer.from('tampered'))).rejects.toThrow('Error while decrypting the ciphertext');
  });
});
