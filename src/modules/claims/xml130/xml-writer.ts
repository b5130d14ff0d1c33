/**
 * A small XML writer for the Decision 130 files: elements without attributes, text escaped as
 * Canonical XML escapes it (&amp; &lt; &gt; and carriage returns as &#xD;), no whitespace between
 * elements. So what it writes is already in its canonical form, and a digest of the bytes as written
 * is the digest of the canonical element (the envelope's signature relies on this). Pure.
 */

// Characters XML 1.0 does not allow at all (controls other than tab, line feed, carriage return).
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters removed
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text content escaped for an element (never for an attribute: the files have none). */
export function escapeText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#xD;');
}

/** `<NAME>text</NAME>`, or `<NAME></NAME>` for an empty value (Canonical XML's form of an empty element). */
export function element(name: string, text: string | null | undefined): string {
  return `<${name}>${text ? escapeText(text) : ''}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
