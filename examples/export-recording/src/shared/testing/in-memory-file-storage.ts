import type { FileStorage, SignedUpload, SignedUrl, StoredObject, UploadConditions } from "../ports/ports.js";

/** Signs URLs without a network: each one issued is kept, so a test can count them. Objects put in place are read back in chunks. */
export class InMemoryFileStorage implements FileStorage {
  readonly issued: SignedUrl[] = [];
  /** The upload URLs presigned, with their conditions. */
  readonly uploads: SignedUpload[] = [];
  readonly objects = new Map<string, { bytes: Uint8Array; contentType: string }>();

  /** Puts an object in place for a test, without going through the port. */
  put(key: string, bytes: Uint8Array, contentType: string): void {
    this.objects.set(key, { bytes, contentType });
  }

  async signedUrl(key: string, expiresAt: string): Promise<SignedUrl> {
    const signed = { url: `https://storage.example/${encodeURIComponent(key)}?expires=${encodeURIComponent(expiresAt)}&signature=fake`, key, expiresAt };
    this.issued.push(signed);
    return signed;
  }

  async presignUpload(key: string, conditions: UploadConditions): Promise<SignedUpload> {
    const signed = { ...conditions, key, url: `https://storage.example/upload/${encodeURIComponent(key)}?expires=${encodeURIComponent(conditions.expiresAt)}&signature=fake-upload` };
    this.uploads.push(signed);
    return signed;
  }

  async store(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    this.objects.set(key, { bytes: Uint8Array.from(bytes), contentType });
  }

  async read(key: string): Promise<StoredObject | null> {
    const found = this.objects.get(key);
    if (!found) {
      return null;
    }
    const { bytes, contentType } = found;
    async function* chunks(): AsyncIterable<Uint8Array> {
      for (let at = 0; at < bytes.length; at += 4) {
        yield bytes.slice(at, at + 4);
      }
    }
    return { key, contentType, size: bytes.length, body: chunks() };
  }
}
