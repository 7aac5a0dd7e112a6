/** A tiny XML reader for tests: elements without attributes, text, the five entities. Enough to read our answers back. */
export type XmlEl = { name: string; children: XmlEl[]; text: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);

/** Parses a document; throws on a missing declaration or mismatched tags. */
export function readXml(doc: string): { declaration: string; root: XmlEl } {
  const decl = /^<\?xml[^?]*\?>\s*/.exec(doc);
  if (!decl) throw new Error('no XML declaration');
  const top: XmlEl = { name: '#document', children: [], text: '' };
  const stack = [top];
  const re = /<(\/?)([A-Za-z_][\w.-]*)\s*(\/?)>|([^<]+)/g;
  for (const m of doc.slice(decl[0].length).matchAll(re)) {
    const cur = stack[stack.length - 1]!;
    if (m[4] !== undefined) {
      if (m[4].includes('>') || m[4].includes('&') !== /&(amp|lt|gt|quot|apos);/.test(m[4])) throw new Error(`bad text ${m[4]}`);
      cur.text += unescape(m[4]);
    } else if (m[1]) {
      if (cur.name !== m[2]) throw new Error(`</${m[2]}> closes <${cur.name}>`);
      stack.pop();
    } else {
      const el: XmlEl = { name: m[2]!, children: [], text: '' };
      cur.children.push(el);
      if (!m[3]) stack.push(el);
    }
  }
  if (stack.length !== 1 || top.children.length !== 1) throw new Error('unbalanced document');
  return { declaration: decl[0].trim(), root: top.children[0]! };
}

/** The element's children as a plain object of their texts (one level). */
export function fieldsOf(el: XmlEl): Record<string, string> {
  return Object.fromEntries(el.children.map((c) => [c.name, c.text.trim()]));
}

export function child(el: XmlEl, name: string): XmlEl {
  const c = el.children.find((x) => x.name === name);
  if (!c) throw new Error(`<${el.name}> has no <${name}>`);
  return c;
}
