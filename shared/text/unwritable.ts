/**
 * Characters no XML 1.0 document can hold: C0 controls other than tab, line feed and carriage
 * return, U+FFFE and U+FFFF, and halves of surrogate pairs standing alone. A text holding one would
 * make every .xlsx (and .docx) it is written into malformed, so intake refuses it, naming the field,
 * and writers replace it, in case an older stored text holds one.
 */
const UNWRITABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNWRITABLE_ALL = new RegExp(UNWRITABLE.source, 'g');

/** The first such character, as `U+FFFF`, and where it is (1-based, as a person counts). */
export function findUnwritable(text: string): { char: string; position: number } | undefined {
  const match = UNWRITABLE.exec(text);
  if (!match) return undefined;
  return { char: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, position: match.index + 1 };
}

/** The text with each such character replaced by U+FFFD, the replacement character. */
export function replaceUnwritable(text: string): string {
  return UNWRITABLE.test(text) ? text.replace(UNWRITABLE_ALL, '\uFFFD') : text;
}
