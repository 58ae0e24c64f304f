/**
 * QTI 3.0 item exchange: export scored Jauge items to 1EdTech QTI 3.0 XML (with an IMS content
 * package manifest) and import them back, losslessly for every Jauge field. See `docs/qti.md`.
 *
 * @packageDocumentation
 */
export { exportItemBankToQti, exportItemToQti, type QtiFile } from './export.js';
export { importItemBankFromQti, importItemFromQti, type QtiImportError } from './import.js';
export { escapeAttribute, escapeText, parseXml, XmlSyntaxError, type XmlElement, type XmlNode } from './xml.js';
export { JaugeValidationError } from '../errors.js';
