/** The seven eT Ready policy areas and the statuses of tracked items (domain/tracking.ts), shared by the action matrices and the strategy measures. */
export const policyAreaNames: Record<string, string> = {
  strategy: 'Strategy formulation',
  'ict-infrastructure': 'ICT infrastructure and services',
  'trade-logistics': 'Trade logistics and facilitation',
  payments: 'Payment solutions',
  legal: 'Legal and regulatory frameworks',
  skills: 'Skills development',
  financing: 'Access to financing',
};

export const itemStatusNames: Record<string, string> = { 'not-started': 'not started', 'under-implementation': 'under implementation', completed: 'completed', dropped: 'dropped' };
