import type { imputation } from './imputation.ts';

export type ImputationMessages = typeof imputation;
