/** A non-country entity met in the data (a World Bank aggregate) or an economy outside the M49 list. */
export interface Entity {
  code: string;
  name: string;
  kind: 'aggregate' | 'economy';
}
