/** A user-written string as every schema takes it: bounded, and writable into any file the product makes. */
import { z } from 'zod';
import { fieldIssue } from '../problems';
import { findUnwritable } from './unwritable';

export function safeText(max: number) {
  return z
    .string()
    .max(max)
    .superRefine((text, ctx) => {
      const bad = findUnwritable(text);
      if (bad) ctx.addIssue({ code: 'custom', ...fieldIssue('unwritable_text', bad) });
    });
}
