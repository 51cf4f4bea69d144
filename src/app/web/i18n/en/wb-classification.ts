/** World Bank classifications by fiscal year, and when a World Bank value is compared with the Observatory's. */
export const wbClassification = {
  methodTitle: 'World Bank groups by fiscal year',
  method: [
    'World Bank regions and income groups are kept by fiscal year: a fiscal year runs from 1 July to 30 June (FY2026 = 1 July 2025 to 30 June 2026). Income groups come from the Bank’s historical classification (OGHIST) since FY1989; regions and income groups from its release files (CLASS) for FY2020 to FY2026, which take precedence for those years (Ethiopia is unclassified in CLASS FY2026 and low income in OGHIST). Regions before FY2020 are not in the sources, so basis=historical gives no regional value before 2019.',
    'A World Bank aggregate is computed with the classification in force when its file was released (a release of 24 February 2026 uses FY2026). For regions and income groups its value is compared with the Observatory’s only when both count the same members. When the members differ and the Bank’s classification is held, the Observatory’s value is recomputed on the Bank’s members for the comparison (the value shown for the group keeps its own members). When the file gives no date, the regions and income groups of its country metadata file are compared with every fiscal year held: if exactly one agrees on every economy, the file is taken to use it (the internet-use file of the shared data, FY2025, 433 of 433 agreeing) and the import says so. When no single year agrees, or the file uses a fiscal year the Observatory does not hold, no comparison is shown and the reason is given. compare=always compares whatever the members.',
  ],
  recomputed: (fy: number) => `on the World Bank’s FY${fy} members`,
  notCompared: {
    undated_source: 'World Bank value not compared: its file gives no date, so its classification is unknown',
    classification_not_held: (wb: number, members: number) => `World Bank value not compared: it uses the FY${wb} classification, which is not held; members here are FY${members}`,
  },
};
