import { api, shared } from './en/common.ts';
import { indicatorPages } from './en/indicators.ts';
import { edit } from './en/review.ts';
import { moratorium } from './en/moratorium.ts';
import { cyberlaw } from './en/cyberlaw.ts';
import { practices } from './en/practices.ts';
import { imputation } from './en/imputation.ts';
import { quality } from './en/quality.ts';
import { readiness } from './en/readiness.ts';
import { etready } from './en/etready.ts';
import { etreadyMatrix } from './en/etready-matrix.ts';
import { strategies } from './en/strategies.ts';
import { readinessViews } from './en/readiness-views.ts';
import { readinessPlaces } from './en/readiness-places.ts';
import { readinessMethods } from './en/readiness-methods.ts';
import { moratoriumLists } from './en/moratorium-lists.ts';
import { moratoriumShares } from './en/moratorium-shares.ts';
import { moratoriumSchedules } from './en/moratorium-schedules.ts';
import { moratoriumVatRates } from './en/moratorium-vat-rates.ts';
import { memberships } from './en/memberships.ts';
import { wbClassification } from './en/wb-classification.ts';

/** The English catalogue; it defines every message the pages use. */
export const en = { ...shared, ...indicatorPages, edit, moratorium, cyberlaw, practices, imputation, quality, readiness, readinessViews, readinessMethods, readinessPlaces, etready, etreadyMatrix, strategies, moratoriumLists, moratoriumShares, moratoriumSchedules, moratoriumVatRates, memberships, wbClassification, api };

export type Messages = typeof en;
