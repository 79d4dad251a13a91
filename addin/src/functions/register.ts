/**
 * The custom functions, registered in the shared runtime: a few lines over the shared engine. Their
 * metadata (functions.json) is generated from this file's signatures and JSDoc by the build
 * (custom-functions-metadata), so the two cannot differ.
 */
import { langOf } from '../../../shared/i18n';
import { CheckError } from '../check';
import { kiemtra, type Cell } from './kiemtra';

declare namespace CustomFunctions {
  interface Invocation {
    parameterAddresses?: string[];
  }
}

declare const CustomFunctions: {
  associate(id: string, fn: (...args: never[]) => unknown): void;
  Error: new (code: string, message?: string) => Error;
  ErrorCode: { invalidValue: string };
};

/**
 * Kiểm tra một vùng lập theo mẫu báo cáo; trả về bảng các vấn đề (mã, ô, nội dung) hoặc "OK".
 * @customfunction KIEMTRA
 * @helpurl https://localhost:3000/taskpane.html
 * @requiresParameterAddresses
 * @param vung Vùng cần kiểm tra: trang mẫu hoặc trang tổng hợp, gồm cột mã và hàng tiêu đề.
 * @param mau Mã mẫu báo cáo, ví dụ "BM03".
 * @param [ky] Kỳ báo cáo (tùy chọn), ví dụ "2024-H1".
 * @param [ngon_ngu] "vi" (mặc định) hoặc "en".
 * @param invocation Địa chỉ của vùng, để vấn đề chỉ đúng ô.
 * @returns Bảng các vấn đề, hoặc "OK".
 */
function KIEMTRA(vung: any[][], mau: string, ky?: string, ngon_ngu?: string, invocation?: CustomFunctions.Invocation): any[][] {
  try {
    return kiemtra(vung, mau, invocation?.parameterAddresses?.[0], ky ?? '', langOf(ngon_ngu)) as Cell[][];
  } catch (e) {
    if (e instanceof CheckError) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, e.message);
    throw e;
  }
}

export function registerFunctions(): void {
  if (typeof CustomFunctions !== 'undefined') CustomFunctions.associate('KIEMTRA', KIEMTRA as never);
}
