import { z } from 'zod';

/** The ASCII armor of one age-encrypted file, as `age -a` writes it. */
export const ageArmorPattern = /^-----BEGIN AGE ENCRYPTED FILE-----\n(?:[A-Za-z0-9+/=]{1,64}\n)+-----END AGE ENCRYPTED FILE-----\n?$/;

/**
 * G-ENCRYPTED-BAG: a client's personal data as stored in the repository, one age-encrypted block
 * whose plaintext also names the record it belongs to (see src/privacy/client-block.ts).
 */
export const sealedBlock = z
  .string({ invalid_type_error: '应为加密块' })
  .regex(ageArmorPattern, '应为 age 加密块（以 -----BEGIN AGE ENCRYPTED FILE----- 开头）；请用 swa edit 填写个人资料')
  .describe('服务对象个人资料（加密）');
