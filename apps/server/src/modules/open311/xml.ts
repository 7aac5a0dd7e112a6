/** A value the XML writer can render: text, numbers, booleans, nested elements and lists. */
export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [tag: string]: XmlValue };

// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for element content and attribute values; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(tag: string, value: XmlValue, itemTags: Readonly<Record<string, string>>): string {
  if (value === null || value === undefined) return `<${tag}/>`;
  if (Array.isArray(value)) {
    const item = itemTags[tag];
    if (!item) throw new Error(`no item element named for the list <${tag}>`);
    return `<${tag}>${value.map((v) => element(item, v, itemTags)).join('')}</${tag}>`;
  }
  if (typeof value === 'object') {
    return `<${tag}>${Object.entries(value)
      .map(([k, v]) => element(k, v, itemTags))
      .join('')}</${tag}>`;
  }
  return `<${tag}>${escapeXml(String(value))}</${tag}>`;
}

/**
 * A whole XML document with the UTF-8 declaration. Lists are always wrapped in their container element, whose
 * item element comes from `itemTags` (`{ services: 'service' }`), so one item still reads `<services><service>`.
 */
export function renderXml(root: string, value: XmlValue, itemTags: Readonly<Record<string, string>>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value, itemTags)}\n`;
}
