import type { Group } from '../group.ts';

const M49_SOURCE = 'UNSD, Standard country or area codes for statistical use (M49)';
const WB_REGION_SOURCE = 'World Bank, country and lending groups, FY2026 (regions as revised in July 2025)';
const WB_INCOME_SOURCE =
  'World Bank, country classifications by income level, FY2026 (1 July 2025; 2024 GNI per capita, Atlas method)';

const world: Group[] = [
  {
    id: 'WLD',
    kind: 'world',
    names: { en: 'World', fr: 'Monde', es: 'Mundo', pt: 'Mundo' },
    wbCode: 'WLD',
    source: 'All countries and territories; World Bank aggregate WLD',
    description: {
      en: 'All countries and territories with data.',
      fr: 'Tous les pays et territoires disposant de données.',
      es: 'Todos los países y territorios con datos.',
      pt: 'Todos os países e territórios com dados.',
    },
  },
];

const un: Group[] = [
  {
    id: 'LDC',
    kind: 'un',
    names: {
      en: 'Least developed countries (LDCs)',
      fr: 'Pays les moins avancés (PMA)',
      es: 'Países menos adelantados (PMA)',
      pt: 'Países menos avançados (PMA)',
    },
    wbCode: 'LDC',
    source: 'UN General Assembly and ECOSOC on the recommendation of the Committee for Development Policy; UN-OHRLLS list of LDCs',
    description: {
      en: 'Low-income countries facing severe structural impediments to sustainable development, as listed by the United Nations. Countries leave the list by graduation, on a date set by the General Assembly.',
      fr: "Pays à faible revenu confrontés à de graves handicaps structurels, selon la liste des Nations Unies. Un pays quitte la liste par reclassement, à la date fixée par l'Assemblée générale.",
      es: 'Países de bajos ingresos con graves obstáculos estructurales al desarrollo sostenible, según la lista de las Naciones Unidas. Salen de la lista por graduación, en la fecha que fija la Asamblea General.',
      pt: 'Países de baixo rendimento com graves obstáculos estruturais ao desenvolvimento sustentável, segundo a lista das Nações Unidas. Saem da lista por graduação, na data fixada pela Assembleia Geral.',
    },
  },
  {
    id: 'LLDC',
    kind: 'un',
    names: {
      en: 'Landlocked developing countries (LLDCs)',
      fr: 'Pays en développement sans littoral (PDSL)',
      es: 'Países en desarrollo sin litoral (PDSL)',
      pt: 'Países em desenvolvimento sem litoral (PDSL)',
    },
    wbCode: null,
    source: `${M49_SOURCE}, LLDC flag; UN-OHRLLS list of LLDCs`,
    description: {
      en: 'Developing countries without a sea coast, whose trade depends on transit through neighbouring countries.',
      fr: 'Pays en développement sans accès à la mer, dont le commerce dépend du transit par les pays voisins.',
      es: 'Países en desarrollo sin costa, cuyo comercio depende del tránsito por países vecinos.',
      pt: 'Países em desenvolvimento sem costa marítima, cujo comércio depende do trânsito pelos países vizinhos.',
    },
  },
  {
    id: 'SIDS',
    kind: 'un',
    names: {
      en: 'Small island developing States (SIDS)',
      fr: 'Petits États insulaires en développement (PEID)',
      es: 'Pequeños Estados insulares en desarrollo (PEID)',
      pt: 'Pequenos Estados insulares em desenvolvimento (PEID)',
    },
    wbCode: null,
    source: `${M49_SOURCE}, SIDS flag; UN-OHRLLS list of SIDS`,
    description: {
      en: 'Small island States and territories recognised by the UN for their specific vulnerabilities; the M49 list includes territories that are not UN Member States.',
      fr: "Petits États et territoires insulaires reconnus par l'ONU pour leurs vulnérabilités propres ; la liste M49 comprend des territoires qui ne sont pas États Membres de l'ONU.",
      es: 'Pequeños Estados y territorios insulares reconocidos por la ONU por sus vulnerabilidades específicas; la lista M49 incluye territorios que no son Estados Miembros.',
      pt: 'Pequenos Estados e territórios insulares reconhecidos pela ONU pelas suas vulnerabilidades específicas; a lista M49 inclui territórios que não são Estados-Membros.',
    },
  },
];

const alliance: Group[] = [
  {
    id: 'ACP',
    kind: 'alliance',
    names: {
      en: 'Organisation of African, Caribbean and Pacific States (OACPS)',
      fr: "Organisation des États d'Afrique, des Caraïbes et du Pacifique (OEACP)",
      es: 'Organización de Estados de África, el Caribe y el Pacífico (OEACP)',
      pt: 'Organização dos Estados de África, Caraíbas e Pacífico (OEACP)',
    },
    wbCode: null,
    source: 'Georgetown Agreement as revised in 2019 (ACP Group renamed OACPS on 5 April 2020); OACPS list of 79 member States',
    description: {
      en: 'The 79 African, Caribbean and Pacific States of the Georgetown Agreement, formerly the ACP Group; the author of WT/GC/W/916.',
      fr: "Les 79 États d'Afrique, des Caraïbes et du Pacifique de l'Accord de Georgetown, anciennement le Groupe ACP ; auteur du document WT/GC/W/916.",
      es: 'Los 79 Estados de África, el Caribe y el Pacífico del Acuerdo de Georgetown, antes Grupo ACP; autor del documento WT/GC/W/916.',
      pt: 'Os 79 Estados de África, Caraíbas e Pacífico do Acordo de Georgetown, antigo Grupo ACP; autor do documento WT/GC/W/916.',
    },
  },
];

const trade: Group[] = [
  {
    id: 'WTO',
    kind: 'trade',
    names: {
      en: 'World Trade Organization (WTO)',
      fr: 'Organisation mondiale du commerce (OMC)',
      es: 'Organización Mundial del Comercio (OMC)',
      pt: 'Organização Mundial do Comércio (OMC)',
    },
    wbCode: null,
    source: 'WTO, "Members and Observers" (www.wto.org/english/thewto_e/whatis_e/tif_e/org6_e.htm)',
    description: {
      en: 'The 166 WTO members (2024): States, separate customs territories and the European Union, each from its date of membership.',
      fr: "Les 166 membres de l'OMC (2024) : États, territoires douaniers distincts et Union européenne, chacun à partir de sa date d'accession.",
      es: 'Los 166 miembros de la OMC (2024): Estados, territorios aduaneros distintos y la Unión Europea, cada uno desde su fecha de adhesión.',
      pt: 'Os 166 membros da OMC (2024): Estados, territórios aduaneiros distintos e a União Europeia, cada um a partir da sua data de adesão.',
    },
  },
];

const regional: Group[] = [
  {
    id: 'ECOWAS',
    kind: 'regional',
    names: {
      en: 'Economic Community of West African States (ECOWAS)',
      fr: "Communauté économique des États de l'Afrique de l'Ouest (CEDEAO)",
      es: 'Comunidad Económica de los Estados de África Occidental (CEDEAO)',
      pt: 'Comunidade Económica dos Estados da África Ocidental (CEDEAO)',
    },
    wbCode: null,
    source: 'Treaty of Lagos (28 May 1975) and Revised ECOWAS Treaty (1993); ECOWAS Commission',
    description: {
      en: 'West African regional economic community; 12 member States since the withdrawal of Burkina Faso, Mali and Niger took effect on 29 January 2025.',
      fr: "Communauté économique régionale d'Afrique de l'Ouest ; 12 États membres depuis le retrait du Burkina Faso, du Mali et du Niger, effectif le 29 janvier 2025.",
      es: 'Comunidad económica regional de África Occidental; 12 Estados miembros desde la retirada de Burkina Faso, Malí y Níger, efectiva el 29 de enero de 2025.',
      pt: 'Comunidade económica regional da África Ocidental; 12 Estados-membros desde a retirada do Burkina Faso, do Mali e do Níger, efetiva a 29 de janeiro de 2025.',
    },
  },
  {
    id: 'PIF',
    kind: 'regional',
    names: {
      en: 'Pacific Islands Forum (PIF)',
      fr: 'Forum des îles du Pacifique (FIP)',
      es: 'Foro de las Islas del Pacífico',
      pt: 'Fórum das Ilhas do Pacífico',
    },
    wbCode: null,
    source: 'Pacific Islands Forum Secretariat, member countries; Forum Communiqués',
    description: {
      en: 'Political organisation of 18 Pacific members, including French Polynesia and New Caledonia as full members since 2016; associate members and observers are listed but not counted.',
      fr: 'Organisation politique de 18 membres du Pacifique, dont la Polynésie française et la Nouvelle-Calédonie, membres à part entière depuis 2016 ; membres associés et observateurs listés mais non comptés.',
      es: 'Organización política de 18 miembros del Pacífico, entre ellos la Polinesia Francesa y Nueva Caledonia, miembros plenos desde 2016; los miembros asociados y observadores figuran pero no se cuentan.',
      pt: 'Organização política de 18 membros do Pacífico, incluindo a Polinésia Francesa e a Nova Caledónia, membros de pleno direito desde 2016; membros associados e observadores listados mas não contados.',
    },
  },
  {
    id: 'CARICOM',
    kind: 'regional',
    names: {
      en: 'Caribbean Community (CARICOM)',
      fr: 'Communauté caribéenne (CARICOM)',
      es: 'Comunidad del Caribe (CARICOM)',
      pt: 'Comunidade do Caribe (CARICOM)',
    },
    wbCode: null,
    source: 'Revised Treaty of Chaguaramas (2001); CARICOM Secretariat, member states and associate members',
    description: {
      en: '15 member States and 5 associate members (British overseas territories); associates are listed but not counted.',
      fr: '15 États membres et 5 membres associés (territoires britanniques d’outre-mer) ; les membres associés sont listés mais non comptés.',
      es: '15 Estados miembros y 5 miembros asociados (territorios británicos de ultramar); los asociados figuran pero no se cuentan.',
      pt: '15 Estados-membros e 5 membros associados (territórios britânicos ultramarinos); os associados são listados mas não contados.',
    },
  },
  {
    id: 'SADC',
    kind: 'regional',
    names: {
      en: 'Southern African Development Community (SADC)',
      fr: "Communauté de développement de l'Afrique australe (SADC)",
      es: 'Comunidad de Desarrollo de África Austral (SADC)',
      pt: 'Comunidade de Desenvolvimento da África Austral (SADC)',
    },
    wbCode: null,
    source: 'SADC Treaty (1992); SADC Secretariat, member states',
    description: {
      en: 'Southern African regional economic community of 16 member States; Comoros was admitted in August 2017.',
      fr: "Communauté économique régionale d'Afrique australe de 16 États membres ; les Comores y ont été admises en août 2017.",
      es: 'Comunidad económica regional de África Austral con 16 Estados miembros; las Comoras fueron admitidas en agosto de 2017.',
      pt: 'Comunidade económica regional da África Austral com 16 Estados-membros; as Comores foram admitidas em agosto de 2017.',
    },
  },
  {
    id: 'EAC',
    kind: 'regional',
    names: {
      en: 'East African Community (EAC)',
      fr: "Communauté d'Afrique de l'Est (CAE)",
      es: 'Comunidad de África Oriental (CAO)',
      pt: 'Comunidade da África Oriental (CAO)',
    },
    wbCode: null,
    source: 'Treaty for the Establishment of the East African Community (in force 7 July 2000); EAC Secretariat',
    description: {
      en: 'East African regional economic community of 8 Partner States: Kenya, Tanzania and Uganda (2000), Burundi and Rwanda (2007), South Sudan (2016), DR Congo (2022) and Somalia (2024).',
      fr: "Communauté économique régionale d'Afrique de l'Est de 8 États partenaires : Kenya, Tanzanie et Ouganda (2000), Burundi et Rwanda (2007), Soudan du Sud (2016), RD Congo (2022) et Somalie (2024).",
      es: 'Comunidad económica regional de África Oriental con 8 Estados socios: Kenia, Tanzania y Uganda (2000), Burundi y Ruanda (2007), Sudán del Sur (2016), RD del Congo (2022) y Somalia (2024).',
      pt: 'Comunidade económica regional da África Oriental com 8 Estados parceiros: Quénia, Tanzânia e Uganda (2000), Burundi e Ruanda (2007), Sudão do Sul (2016), RD do Congo (2022) e Somália (2024).',
    },
  },
  {
    id: 'COMESA',
    kind: 'regional',
    names: {
      en: 'Common Market for Eastern and Southern Africa (COMESA)',
      fr: "Marché commun de l'Afrique orientale et australe (COMESA)",
      es: 'Mercado Común de África Oriental y Austral (COMESA)',
      pt: 'Mercado Comum da África Oriental e Austral (COMESA)',
    },
    wbCode: null,
    source: 'COMESA Treaty (1993); COMESA Secretariat, member states',
    description: {
      en: 'Common market of 21 member States in Eastern, Southern and Northern Africa; Tunisia and Somalia joined in July 2018.',
      fr: "Marché commun de 21 États membres d'Afrique orientale, australe et du Nord ; la Tunisie et la Somalie l'ont rejoint en juillet 2018.",
      es: 'Mercado común de 21 Estados miembros de África Oriental, Austral y del Norte; Túnez y Somalia se adhirieron en julio de 2018.',
      pt: 'Mercado comum de 21 Estados-membros da África Oriental, Austral e do Norte; a Tunísia e a Somália aderiram em julho de 2018.',
    },
  },
  {
    id: 'AU',
    kind: 'regional',
    names: { en: 'African Union (AU)', fr: 'Union africaine (UA)', es: 'Unión Africana (UA)', pt: 'União Africana (UA)' },
    wbCode: null,
    source: 'Constitutive Act of the African Union (2000); African Union, member states',
    description: {
      en: 'The 55 African Union member States, including the Sahrawi Arab Democratic Republic (coded ESH) and Morocco, readmitted on 30 January 2017. Suspended members remain members.',
      fr: "Les 55 États membres de l'Union africaine, dont la République arabe sahraouie démocratique (code ESH) et le Maroc, réadmis le 30 janvier 2017. Les membres suspendus restent membres.",
      es: 'Los 55 Estados miembros de la Unión Africana, incluida la República Árabe Saharaui Democrática (código ESH) y Marruecos, readmitido el 30 de enero de 2017. Los miembros suspendidos siguen siendo miembros.',
      pt: 'Os 55 Estados-membros da União Africana, incluindo a República Árabe Saharaui Democrática (código ESH) e Marrocos, readmitido a 30 de janeiro de 2017. Os membros suspensos continuam membros.',
    },
  },
];

function m49Region(id: string, code: string, en: string, fr: string, es: string, pt: string): Group {
  return {
    id,
    kind: 'm49_region',
    names: { en, fr, es, pt },
    wbCode: null,
    source: `${M49_SOURCE}, region ${code}`,
    description: {
      en: `UN M49 region ${code} (${en}), as used for UN statistics; not a political grouping.`,
      fr: `Région M49 ${code} (${fr}) des statistiques des Nations Unies ; pas un groupement politique.`,
      es: `Región M49 ${code} (${es}) de las estadísticas de las Naciones Unidas; no es una agrupación política.`,
      pt: `Região M49 ${code} (${pt}) das estatísticas das Nações Unidas; não é um agrupamento político.`,
    },
  };
}

const m49Regions: Group[] = [
  m49Region('AFRICA', '002', 'Africa', 'Afrique', 'África', 'África'),
  m49Region('AMERICAS', '019', 'Americas', 'Amériques', 'Américas', 'Américas'),
  m49Region('ASIA', '142', 'Asia', 'Asie', 'Asia', 'Ásia'),
  m49Region('EUROPE', '150', 'Europe', 'Europe', 'Europa', 'Europa'),
  m49Region('OCEANIA', '009', 'Oceania', 'Océanie', 'Oceanía', 'Oceania'),
];

function wbRegion(code: string, en: string, fr: string, es: string, pt: string, note?: { en: string; fr: string }): Group {
  return {
    id: code,
    kind: 'wb_region',
    names: { en, fr, es, pt },
    wbCode: code,
    source: WB_REGION_SOURCE,
    description: {
      en: `World Bank region (aggregate ${code}), all income levels.${note ? ` ${note.en}` : ''}`,
      fr: `Région de la Banque mondiale (agrégat ${code}), tous niveaux de revenu.${note ? ` ${note.fr}` : ''}`,
    },
  };
}

const wbRegions: Group[] = [
  wbRegion('EAS', 'East Asia & Pacific', 'Asie de l’Est et Pacifique', 'Asia oriental y el Pacífico', 'Ásia Oriental e Pacífico'),
  wbRegion('ECS', 'Europe & Central Asia', 'Europe et Asie centrale', 'Europa y Asia central', 'Europa e Ásia Central'),
  wbRegion('LCN', 'Latin America & Caribbean', 'Amérique latine et Caraïbes', 'América Latina y el Caribe', 'América Latina e Caraíbas'),
  wbRegion(
    'MEA',
    'Middle East, North Africa, Afghanistan & Pakistan',
    'Moyen-Orient, Afrique du Nord, Afghanistan et Pakistan',
    'Oriente Medio, Norte de África, Afganistán y Pakistán',
    'Médio Oriente, Norte de África, Afeganistão e Paquistão',
    {
      en: 'Afghanistan and Pakistan moved here from South Asia in FY2026; vintages up to FY2025 call it "Middle East & North Africa" and leave both out.',
      fr: "L'Afghanistan et le Pakistan y ont été transférés depuis l'Asie du Sud pour l'exercice 2026 ; jusqu'à l'exercice 2025 l'agrégat s'appelle « Moyen-Orient et Afrique du Nord » et les exclut.",
    },
  ),
  wbRegion('NAC', 'North America', 'Amérique du Nord', 'América del Norte', 'América do Norte'),
  wbRegion('SAS', 'South Asia', 'Asie du Sud', 'Asia meridional', 'Ásia do Sul', {
    en: 'Without Afghanistan and Pakistan from FY2026.',
    fr: "Sans l'Afghanistan ni le Pakistan à partir de l'exercice 2026.",
  }),
  wbRegion('SSF', 'Sub-Saharan Africa', 'Afrique subsaharienne', 'África subsahariana', 'África Subsariana'),
];

function wbIncome(code: string, en: string, fr: string, es: string, pt: string, rangeEn: string, rangeFr: string): Group {
  return {
    id: code,
    kind: 'wb_income',
    names: { en, fr, es, pt },
    wbCode: code,
    source: WB_INCOME_SOURCE,
    description: {
      en: `World Bank income group for FY2026: GNI per capita (Atlas method, 2024) ${rangeEn}. Reclassified every 1 July.`,
      fr: `Groupe de revenu de la Banque mondiale pour l'exercice 2026 : RNB par habitant (méthode Atlas, 2024) ${rangeFr}. Reclassement chaque 1er juillet.`,
    },
  };
}

const wbIncomes: Group[] = [
  wbIncome('HIC', 'High income', 'Pays à revenu élevé', 'Ingreso alto', 'Rendimento elevado', 'above US$13,935', 'supérieur à 13 935 $ US'),
  wbIncome(
    'UMC',
    'Upper middle income',
    'Pays à revenu intermédiaire, tranche supérieure',
    'Ingreso mediano alto',
    'Rendimento médio-alto',
    'US$4,496 to US$13,935',
    'de 4 496 à 13 935 $ US',
  ),
  wbIncome(
    'LMC',
    'Lower middle income',
    'Pays à revenu intermédiaire, tranche inférieure',
    'Ingreso mediano bajo',
    'Rendimento médio-baixo',
    'US$1,136 to US$4,495',
    'de 1 136 à 4 495 $ US',
  ),
  wbIncome('LIC', 'Low income', 'Pays à faible revenu', 'Ingreso bajo', 'Rendimento baixo', 'US$1,135 or less', 'inférieur ou égal à 1 135 $ US'),
];

/**
 * The groups the Observatory knows before any user defines one, in the order of GROUP_KINDS.
 * Memberships come from the imported files and from ./corrections.ts and ./wto.ts.
 */
export const GROUP_DEFINITIONS: readonly Group[] = [
  ...world,
  ...un,
  ...alliance,
  ...trade,
  ...regional,
  ...wbRegions,
  ...wbIncomes,
  ...m49Regions,
];

/** The group with this id, or undefined. */
export function groupDefinition(id: string): Group | undefined {
  return GROUP_DEFINITIONS.find((g) => g.id === id);
}
