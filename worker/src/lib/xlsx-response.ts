/** A workbook or a document as a download. */
import { DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '../../../shared/api/media';

export function xlsxResponse(bytes: Uint8Array, filename: string): Response {
  return new Response(bytes, {
    headers: { 'content-type': XLSX_MEDIA_TYPE, 'content-disposition': `attachment; filename="${filename}"` },
  });
}

export function docxResponse(bytes: Uint8Array, filename: string): Response {
  return new Response(bytes, {
    headers: { 'content-type': DOCX_MEDIA_TYPE, 'content-disposition': `attachment; filename="${filename}"` },
  });
}
