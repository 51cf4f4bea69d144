/** A user-defined readiness method as its JSON document: the example of the API document and of the method page. */
export const EXAMPLE_METHOD = {
  id: 'connectivity',
  name: 'Connectivity index',
  description: 'Internet use counted twice as much as secure servers',
  missing: 'reweight',
  components: [
    { id: 'internet', indicator: 'IT.NET.USER.ZS', normalisation: { kind: 'goalposts', low: 0, high: 100 }, weight: 2 },
    { id: 'servers', indicator: 'IT.NET.SECR.P6', transformation: 'log', year: { kind: 'latest', window: 3, lag: 1 }, weight: 1 },
  ],
  baseVersion: 0,
  note: 'first version',
};

