/** functions.json, generated from the custom functions' signatures and JSDoc (Office's custom-functions-metadata). */
import { join } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata/lib/generate.js';
import { ROOT } from './d1';

/** Where the custom functions are registered, with the JSDoc Excel reads. */
const FUNCTIONS_SOURCE = 'addin/src/functions/register.ts';

export async function functionsMetadata(): Promise<string> {
  const result = await generateCustomFunctionsMetadata(join(ROOT, FUNCTIONS_SOURCE), false);
  if (result.errors.length > 0) throw new Error(`custom functions metadata:\n${result.errors.join('\n')}`);
  return result.metadataJson;
}
