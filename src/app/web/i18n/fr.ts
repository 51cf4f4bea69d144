import type { Messages } from './en.ts';
import { api, shared } from './fr/common.ts';
import { indicatorPages } from './fr/indicators.ts';
import { edit } from './fr/review.ts';
import { moratorium } from './fr/moratorium.ts';
import { cyberlaw } from './fr/cyberlaw.ts';
import { practices } from './fr/practices.ts';
import { imputation } from './fr/imputation.ts';
import { quality } from './fr/quality.ts';
import { readiness } from './fr/readiness.ts';
import { etready } from './fr/etready.ts';
import { etreadyMatrix } from './fr/etready-matrix.ts';
import { strategies } from './fr/strategies.ts';
import { readinessViews } from './fr/readiness-views.ts';
import { readinessPlaces } from './fr/readiness-places.ts';
import { readinessMethods } from './fr/readiness-methods.ts';
import { moratoriumLists } from './fr/moratorium-lists.ts';
import { moratoriumShares } from './fr/moratorium-shares.ts';
import { moratoriumSchedules } from './fr/moratorium-schedules.ts';
import { moratoriumVatRates } from './fr/moratorium-vat-rates.ts';
import { memberships } from './fr/memberships.ts';
import { wbClassification } from './fr/wb-classification.ts';

/** The French catalogue: complete. */
export const fr: Messages = { ...shared, ...indicatorPages, edit, moratorium, cyberlaw, practices, imputation, quality, readiness, readinessViews, readinessMethods, readinessPlaces, etready, etreadyMatrix, strategies, moratoriumLists, moratoriumShares, moratoriumSchedules, moratoriumVatRates, memberships, wbClassification, api };
