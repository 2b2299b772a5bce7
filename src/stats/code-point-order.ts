/**
 * Compares strings by Unicode code point, the order docs/statistics.md ("Evidence 1",
 * stage 1) fixes for rep keys and interaction types (locale-free, so every instance sorts alike). JavaScript's
 * default sort compares UTF-16 code units, which differs for characters above U+FFFF.
 *
 * @example
 * ['call', 'Demo', 'demo'].sort(byCodePoint); // => ['Demo', 'call', 'demo']
 */
export function byCodePoint(a: string, b: string): number {
  const [x, y] = [Array.from(a, codePoint), Array.from(b, codePoint)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! - y[i]!;
  }
  return x.length - y.length;
}

function codePoint(char: string): number {
  return char.codePointAt(0) ?? 0;
}
