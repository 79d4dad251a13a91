/** A workbook as a download. */
import { XLSX_MEDIA_TYPE } from '../../../shared/api/media';

export function xlsxResponse(bytes: Uint8Array, filename: string): Response {
  return new Response(bytes, {
    headers: { 'content-type': XLSX_MEDIA_TYPE, 'content-disposition': `attachment; filename="${filename}"` },
  });
}
