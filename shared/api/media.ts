/** Media types the API speaks besides JSON. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The largest body the API takes and the largest file the command line reads: a submission, a workbook, a registry. */
export const MAX_UPLOAD_BYTES = 1024 * 1024;
