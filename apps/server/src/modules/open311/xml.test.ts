import { describe, expect, it } from 'vitest';
import { child, fieldsOf, readXml } from './xml-read.test-helper.js';
import { escapeXml, renderXml } from './xml.js';

describe('renderXml', () => {
  it('escapes markup, entities and quotes in text', () => {
    expect(escapeXml(`a<b>&"c"'d'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;');
    const doc = renderXml('service', { description: '</description><evil>&amp;' }, {});
    expect(doc).toContain('<description>&lt;/description&gt;&lt;evil&gt;&amp;amp;</description>');
    expect(fieldsOf(readXml(doc).root).description).toBe('</description><evil>&amp;');
  });

  it('drops characters XML 1.0 forbids and keeps Chinese text', () => {
    expect(escapeXml('漏水\u0000\u0007\t好')).toBe('漏水\t好');
  });

  it('starts with the UTF-8 declaration', () => {
    expect(readXml(renderXml('errors', [], { errors: 'error' })).declaration).toBe('<?xml version="1.0" encoding="UTF-8"?>');
  });

  it('wraps a one-item list in its container and nested lists in theirs', () => {
    const doc = renderXml('services', [{ service_code: '1-a', values: [{ key: 'k', name: 'n' }] }], {
      services: 'service',
      values: 'value',
    });
    const root = readXml(doc).root;
    expect(root.name).toBe('services');
    expect(root.children.map((c) => c.name)).toEqual(['service']);
    expect(fieldsOf(child(child(root.children[0]!, 'values'), 'value'))).toEqual({ key: 'k', name: 'n' });
  });

  it('writes null as an empty element and numbers and booleans as text', () => {
    const doc = renderXml('request', { zipcode: null, lat: 32.39, metadata: false }, {});
    expect(doc).toContain('<zipcode/><lat>32.39</lat><metadata>false</metadata>');
  });

  it('refuses a list without a named item element', () => {
    expect(() => renderXml('things', [1], {})).toThrow(/things/);
  });
});
