import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The text is not the XML expected: the caller answers 400. */
export class XmlError extends Error {
  override name = 'XmlError';
}

/** The children of a document's `<xml>` root: text elements as strings, nested ones as objects or arrays. */
export type XmlFields = Readonly<Record<string, unknown>>;

// Entities stay as written (no expansion, so no billion laughs), values stay strings (CreateTime "0123" must not
// become 123, a ticket must not become a number), attributes and processing instructions are dropped.
const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
});

/** DOCTYPE and ENTITY declarations are refused outright, before any parsing: WeChat never sends them. */
const DECLARATIONS = /<!(DOCTYPE|ENTITY)/i;

/** Parses a WeChat XML document (`<xml>…</xml>`, nothing else at the top) into its root's children. */
export function parseXml(text: string): XmlFields {
  if (DECLARATIONS.test(text)) throw new XmlError('DOCTYPE and ENTITY declarations are refused');
  if (XMLValidator.validate(text) !== true) throw new XmlError('not well-formed XML');
  let document: Record<string, unknown>;
  try {
    document = parser.parse(text) as Record<string, unknown>;
  } catch {
    throw new XmlError('not well-formed XML');
  }
  const keys = Object.keys(document);
  const root = document.xml;
  if (keys.length !== 1 || typeof root !== 'object' || root === null || Array.isArray(root)) {
    throw new XmlError('the document is not one <xml> element with children');
  }
  return root as XmlFields;
}

/** The text of a child element that occurs once and holds text only; undefined when absent. */
export function textOf(fields: XmlFields, name: string): string | undefined {
  const value = fields[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new XmlError(`<${name}> is not a single text element`);
  return value;
}
