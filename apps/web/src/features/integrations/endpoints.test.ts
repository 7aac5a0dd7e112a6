import { describe, expect, it } from 'vitest';
import { curlExample } from './endpoints';

describe('curlExample', () => {
  it('posts form-encoded to the requests endpoint of this origin, with the key placeholder by default', () => {
    const text = curlExample('https://linli.example.org');
    expect(text.split('\n')[0]).toBe("curl -X POST 'https://linli.example.org/open311/v2/requests.json' \\");
    expect(text).toContain("-d 'api_key=<API_KEY>'");
    expect(text).toContain("--data-urlencode 'address_string=");
  });

  it('puts a given key in place of the placeholder', () => {
    expect(curlExample('http://localhost:3000', 'o311_abc')).toContain("-d 'api_key=o311_abc'");
  });
});
