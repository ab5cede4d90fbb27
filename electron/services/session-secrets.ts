/**
 * The client secrets of mock applications registered (or imported) in this session. The
 * mock shows a secret once; the Lab keeps it in memory, so that "use this app" works
 * straight after registering it. Never written to disk, never sent to the window again.
 */
export class SessionSecrets {
  readonly #secrets = new Map<string, string>();

  remember(clientId: string, clientSecret: string): void {
    this.#secrets.set(clientId, clientSecret);
  }

  get(clientId: string): string | undefined {
    return this.#secrets.get(clientId);
  }

  has(clientId: string): boolean {
    return this.#secrets.has(clientId);
  }

  forget(clientId: string): void {
    this.#secrets.delete(clientId);
  }
}
