import type { Schema } from '../schema.ts';
import { commonSchemas } from './common.ts';
import { countrySchemas } from './countries.ts';
import { cyberlawSchemas } from './cyberlaw.ts';
import { groupSchemas } from './groups.ts';
import { indicatorSchemas } from './indicators.ts';
import { statusSchemas, vintageSchemas } from './meta.ts';
import { moratoriumSchemas } from './moratorium.ts';
import { moratoriumShareSchemas } from './moratorium-shares.ts';
import { practiceSchemas } from './practices.ts';
import { qualitySchemas } from './quality.ts';
import { readinessSchemas } from './readiness.ts';
import { readinessPlaceSchemas } from './readiness-places.ts';
import { etreadySchemas } from './etready.ts';
import { etreadyMatrixSchemas } from './etready-matrix.ts';
import { strategySchemas } from './strategies.ts';
import { reviewSchemas } from './review.ts';

/**
 * The named schemas of the API's answers, bodies and errors, each defined beside the questions that answer
 * with it, in the order the API document lists them.
 */
export const schemas: Record<string, Schema> = {
  ...commonSchemas,
  ...countrySchemas,
  ...vintageSchemas,
  ...groupSchemas,
  ...indicatorSchemas,
  ...moratoriumSchemas,
  ...moratoriumShareSchemas,
  ...cyberlawSchemas,
  ...statusSchemas,
  ...reviewSchemas,
  ...practiceSchemas,
  ...qualitySchemas,
  ...readinessSchemas,
  ...readinessPlaceSchemas,
  ...etreadySchemas,
  ...etreadyMatrixSchemas,
  ...strategySchemas,
};
