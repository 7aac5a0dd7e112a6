import { maskIdNumber, maskPhone } from '@linli/contracts';
import type { Pii } from './pii.js';

/** The stored columns of an ID number and a phone: ciphertext, keyed hash (ID only) and last four. */
export type SealedSecrets = {
  idNumberEnc?: Buffer | null;
  idNumberHash?: string | null;
  idTail?: string | null;
  phoneEnc?: Buffer | null;
  phoneTail?: string | null;
  idMasked?: string | null;
  phoneMasked?: string | null;
};

/** The stored forms of an ID number and a phone; undefined leaves a field alone, null clears it. */
export function sealSecrets(pii: Pii, values: { idNumber?: string | null; phone?: string | null }): SealedSecrets {
  const out: SealedSecrets = {};
  if (values.idNumber !== undefined) {
    const id = values.idNumber;
    Object.assign(out, {
      idNumberEnc: id ? pii.encrypt(id) : null,
      idNumberHash: id ? pii.lookupHash(id) : null,
      idTail: id ? id.slice(-4) : null,
      idMasked: id ? maskIdNumber(id) : null,
    });
  }
  if (values.phone !== undefined) {
    const phone = values.phone;
    Object.assign(out, {
      phoneEnc: phone ? pii.encrypt(phone) : null,
      phoneTail: phone ? phone.slice(-4) : null,
      phoneMasked: phone ? maskPhone(phone) : null,
    });
  }
  return out;
}

/** The plain value of a stored ciphertext, or null when none is stored. */
export function openSecret(pii: Pii, enc: Buffer | null): string | null {
  return enc ? pii.decrypt(enc) : null;
}
