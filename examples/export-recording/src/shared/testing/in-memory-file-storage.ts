import type { FileStorage, SignedUrl } from "../ports/ports.js";

/** Signs URLs without a network: each one issued is kept, so a test can count them. */
export class InMemoryFileStorage implements FileStorage {
  readonly issued: SignedUrl[] = [];

  async signedUrl(key: string, expiresAt: string): Promise<SignedUrl> {
    const signed = { url: `https://storage.example/${encodeURIComponent(key)}?expires=${encodeURIComponent(expiresAt)}&signature=fake`, key, expiresAt };
    this.issued.push(signed);
    return signed;
  }
}
