/** The QTI 3.0 assessment item namespace. */
export const QTI_NS = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';
/** The schema location of QTI 3.0 items (written for tools; never fetched). */
export const QTI_XSD = 'https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd';
/** The IMS content package namespace used by QTI 3.0 packages. */
export const IMSCP_NS = 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1';
/** Response processing template: 1 when the response matches the correct response. */
export const MATCH_CORRECT = 'https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml';
/** Response processing template: the mapped value of the response (used by short-text items). */
export const MAP_RESPONSE = 'https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/map_response.xml';
/** Resource type of a QTI 3.0 item in a manifest. */
export const QTI_ITEM_RESOURCE = 'imsqti_item_xmlv3p0';
/** Scored-item fields carried as JSON in `data-jauge-meta` (those with no QTI slot and a nested shape). */
export const META_FIELDS = [
  'sources',
  'dimension',
  'asOf',
  'review',
  'calibration',
  'exposure',
  'accessibility',
  'translations',
  'tags',
  'extensions',
] as const;
/** Tolerance flags, each carried as `data-jauge-tolerance-<flag>`. */
export const TOLERANCE_FLAGS = ['case', 'accents', 'spaces', 'punctuation'] as const;
