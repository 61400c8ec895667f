import { parseXml, textOf, XmlError } from './xml.js';

/**
 * The body WeChat POSTs: `<xml><AppId>…</AppId><Encrypt>…</Encrypt></xml>`. Only `Encrypt` is used: the
 * outer AppId is not covered by the signature, the appid inside the ciphertext is.
 */
export function encryptedPartOf(body: string): string {
  const encrypt = textOf(parseXml(body), 'Encrypt');
  if (!encrypt) throw new XmlError('no <Encrypt> element');
  return encrypt;
}
