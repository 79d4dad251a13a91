/** Registers the custom functions in the shared runtime. A few lines over the shared engine. */
import { langOf } from '../../../shared/i18n';
import { CheckError } from '../check';
import { kiemtra, type Cell } from './kiemtra';

declare const CustomFunctions: {
  associate(id: string, fn: (...args: never[]) => unknown): void;
  Error: new (code: string, message?: string) => Error;
  ErrorCode: { invalidValue: string };
};

interface Invocation {
  parameterAddresses?: string[];
}

/**
 * Kiểm tra một vùng theo mẫu báo cáo.
 * @customfunction KIEMTRA
 */
function KIEMTRA(range: unknown[][], template: string, period: string | null, lang: string | null, invocation: Invocation): Cell[][] {
  try {
    return kiemtra(range, template, invocation.parameterAddresses?.[0], period ?? '', langOf(lang));
  } catch (e) {
    if (e instanceof CheckError) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, e.message);
    throw e;
  }
}

export function registerFunctions(): void {
  if (typeof CustomFunctions !== 'undefined') CustomFunctions.associate('KIEMTRA', KIEMTRA as never);
}
