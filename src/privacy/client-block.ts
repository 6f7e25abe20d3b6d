import { armor, Decrypter, Encrypter } from 'age-encryption';

/** Marks the plaintext format, so a future change of it can be recognised. */
const payloadFormat = 'swa-client/1';

interface Payload {
  format: typeof payloadFormat;
  /** The record the block belongs to: a block pasted into another record is detected by this. */
  record: string;
  client: unknown;
}

/**
 * G-ENCRYPTED-BAG: encrypts a record's personal data to every recipient, binding the record id
 * inside the plaintext. Returns the ASCII-armored block that is stored under `client:`.
 */
export async function sealClient(record: string, client: unknown, recipients: readonly string[]): Promise<string> {
  if (recipients.length === 0) throw new Error('no recipients');
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  const payload: Payload = { format: payloadFormat, record, client };
  return armor.encode(await encrypter.encrypt(JSON.stringify(payload)));
}

export type OpenedBlock =
  | { status: 'opened'; client: unknown }
  /** None of the identities is a recipient of the block. */
  | { status: 'not-recipient' }
  /** The block does not decrypt: damaged, truncated or edited by hand. */
  | { status: 'damaged'; detail: string }
  /** The block decrypts but belongs to another record. */
  | { status: 'other-record'; boundTo: string; client: unknown };

/** Something that decrypts blocks with the identities it holds; one per command run. */
export interface BlockOpener {
  open(record: string, block: string): Promise<OpenedBlock>;
}

/** An opener for the given age identities (AGE-SECRET-KEY-1… strings). */
export function blockOpener(identities: readonly string[]): BlockOpener {
  const decrypter = new Decrypter();
  for (const identity of identities) decrypter.addIdentity(identity);
  return {
    async open(record, block) {
      let text: string;
      try {
        text = await decrypter.decrypt(armor.decode(block), 'text');
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return /no identity matched/i.test(detail) ? { status: 'not-recipient' } : { status: 'damaged', detail };
      }
      const payload = parsePayload(text);
      if (!payload) return { status: 'damaged', detail: 'plaintext is not a swa client block' };
      if (payload.record !== record) return { status: 'other-record', boundTo: payload.record, client: payload.client };
      return { status: 'opened', client: payload.client };
    },
  };
}

function parsePayload(text: string): Payload | null {
  try {
    const value = JSON.parse(text) as Partial<Payload>;
    return value.format === payloadFormat && typeof value.record === 'string' ? (value as Payload) : null;
  } catch {
    return null;
  }
}
