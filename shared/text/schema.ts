/** A user-written string as every schema takes it: bounded, and writable into any file the product makes. */
import { z } from 'zod';
import { findUnwritable } from './unwritable';

export function safeText(max: number) {
  return z
    .string()
    .max(max)
    .superRefine((text, ctx) => {
      const bad = findUnwritable(text);
      if (bad) {
        ctx.addIssue({
          code: 'custom',
          message: `có ký tự ${bad.char} ở vị trí ${bad.position}, không ghi được vào tệp Excel / holds character ${bad.char} at position ${bad.position}, which no Excel file can hold`,
        });
      }
    });
}
