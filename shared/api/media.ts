/** Media types the API speaks besides JSON. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
