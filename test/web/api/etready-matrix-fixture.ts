/** A filled-in eT Ready action-matrix template and review statements for the tests. */
import { MATRIX_HEADER } from '../../../src/domain/etready/matrix.ts';

export const HEADER = MATRIX_HEADER.join(',');

/** row_type,country,area,recommendation_id,recommendation,priority,lead_agency,partners,timeline,status,status_date,source,requesting_authority */
export const MATRIX_LINES = [
  'recommendation,Mali,payment solutions,PAY-1,Allow mobile money interoperability,high,Central Bank,UNCDF; Ministry of Trade,2020-2022,not started,2019-06,Action matrix 2019,',
  'recommendation,MLI,payments,PAY-1,,,,,,under implementation,2020-12,Implementation review 2020,',
  'recommendation,Mali,Payment solutions,PAY-1,Allow mobile money interoperability,,,,,Completed,2022-06,https://example.org/mli-2022,',
  'recommendation,Mali,payments,PAY-2,Set up a national payment switch,medium,Central Bank,,2021,not started,2019-06,Action matrix 2019,',
  'recommendation,Mali,payments,PAY-2,,,,,,under implementation,2021-03,Implementation review 2021,',
  'recommendation,Mali,Legal and regulatory frameworks,LEG-1,Adopt an e-transactions law,high,Ministry of Justice,,2020,not started,2019-06,Action matrix 2019,',
  'recommendation,Mali,legal,LEG-1,,,,,,completed,2021-01,Official Journal,',
  'recommendation,Mali,access to financing,FIN-1,Create a fund for digital start-ups,low,,,,not started,2019-06,Action matrix 2019,',
  'recommendation,Mali,financing,FIN-1,,,,,,dropped,2020-06,Steering committee,',
  'recommendation,Tuvalu,ICT infrastructure and services,ICT-1,Extend broadband to the outer islands,high,Telecom,,,under implementation,2020,Action matrix 2020,',
  'recommendation,TUV,ict-infrastructure,ICT-1,,,,,,completed,2023-05-10,Implementation review 2023,',
  'request,Haiti,,,,,,,,,2019,Letter to UNCTAD,Ministry of Commerce',
  'request,Kenya,,,,,,,,requested,2024-02-01,https://example.org/ken-request,State Department for Trade',
  'request,Fiji,,,,,,,,,2018-06-01,,Ministry of Trade',
  'request,Fiji,,,,,,,,in preparation,2020-01,,',
];

export const MATRIX = [HEADER, ...MATRIX_LINES].join('\n');

export const REVIEWS = [
  'id,review,finding,source_url,caveat',
  'IR0,2019 stock-take,17 assessments finalised (2017-2019); 8 under way (2018-2019); 12 requests received,https://example.org/stock,"Countries named on the infographic (status per country NOT recoverable): Benin, Cambodia, Lao PDR (37 = 17+8+12)"',
  "IR1,1st implementation review (Dec 2020),\"13 of the 18 countries with assessments completed by June 2019 responded; overall implementation rate 50%\",https://example.org/iisd ; https://example.org/dw,per-country percentages NOT captured",
  'IR3,3rd implementation review (2024),NOT FOUND,,',
].join('\n');
