// punycode.js is imported by its file path: a bare 'punycode' would be Node's deprecated built-in, and
// ESM cannot import the package's directory. The types are @types/punycode's.
declare module 'punycode/punycode.js' {
  import * as punycode from 'punycode/';
  export default punycode;
}
