/**
 * A text that a spreadsheet would take for a formula when typed or imported: it starts with
 * `=`, `+`, `-` or `@`, or with a tab or carriage return that hides such a start (OWASP's CSV
 * injection list). In CSV it is written behind an apostrophe, which spreadsheets show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** For a CSV field: `=1+1` → `'=1+1`; anything else as it is. */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** The inverse, for a CSV this product wrote: `'=1+1` → `=1+1`, so an export imports back unchanged. */
export function restoreNeutralised(text: string): string {
  return text.startsWith("'") && looksLikeFormula(text.slice(1)) ? text.slice(1) : text;
}
