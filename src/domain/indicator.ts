import type { Localized } from './lang.ts';

export type Unit =
  | 'percent' // share of a population, 0–100
  | 'per_100' // per 100 people
  | 'per_million' // per million people
  | 'per_100k_adults'
  | 'usd' // current US dollars
  | 'usd_per_person'
  | 'intl_usd_per_person' // PPP, current international dollars
  | 'people'
  | 'count'
  | 'index'
  | 'lcu' // local currency units
  | 'lcu_per_usd';

export type Topic = 'connectivity' | 'finance' | 'economy' | 'trade' | 'fiscal' | 'population';

/**
 * How the values of a group's members combine into the group's value.
 * - sum: counts and values (people, servers, US dollars);
 * - weighted_mean: shares and rates, weighted by another indicator (population for shares of people);
 * - none: no meaningful aggregate (local-currency values, indices without a weight).
 */
export type AggregationRule =
  | { kind: 'sum' }
  | { kind: 'weighted_mean'; weight: string }
  | { kind: 'none'; reason: string };

/** An indicator computed from others, per country and year (both inputs must be present). */
export interface Derivation {
  inputs: readonly string[];
  compute: (values: readonly number[]) => number;
  formula: string;
}

export interface IndicatorDef {
  code: string;
  names: Localized;
  unit: Unit;
  topic: Topic;
  rule: AggregationRule;
  /** Decimals shown on pages; downloads keep full precision. */
  decimals: number;
  /** Whether a higher value is the better position (ranks count from the top); null when neither. */
  higherIsBetter: boolean | null;
  derived?: Derivation;
  /** Shown on the headline pages of the digital divide. */
  headline?: boolean;
}

export const POPULATION = 'SP.POP.TOTL';
export const ADULT_POPULATION = 'FINDEX.POP.ADULT';
export const GDP = 'NY.GDP.MKTP.CD';

const byPopulation: AggregationRule = { kind: 'weighted_mean', weight: POPULATION };
const byAdults: AggregationRule = { kind: 'weighted_mean', weight: ADULT_POPULATION };
const byGdp: AggregationRule = { kind: 'weighted_mean', weight: GDP };
const sum: AggregationRule = { kind: 'sum' };

function def(
  code: string,
  names: Localized,
  unit: Unit,
  topic: Topic,
  rule: AggregationRule,
  options: Partial<Pick<IndicatorDef, 'decimals' | 'higherIsBetter' | 'derived' | 'headline'>> = {},
): IndicatorDef {
  return {
    code,
    names,
    unit,
    topic,
    rule,
    decimals: options.decimals ?? 1,
    higherIsBetter: options.higherIsBetter ?? null,
    ...(options.derived ? { derived: options.derived } : {}),
    ...(options.headline ? { headline: true } : {}),
  };
}

/** The indicators the Observatory knows how to name, aggregate and rank. Imports may add others. */
export const CATALOGUE: readonly IndicatorDef[] = [
  def(
    'IT.NET.USER.ZS',
    {
      en: 'Individuals using the Internet (% of population)',
      fr: 'Personnes utilisant Internet (% de la population)',
      es: 'Personas que usan Internet (% de la población)',
      pt: 'Pessoas que usam a Internet (% da população)',
    },
    'percent',
    'connectivity',
    byPopulation,
    { higherIsBetter: true, headline: true },
  ),
  def(
    'IT.NET.SECR.P6',
    {
      en: 'Secure Internet servers (per 1 million people)',
      fr: 'Serveurs Internet sécurisés (par million d’habitants)',
      es: 'Servidores de Internet seguros (por cada millón de personas)',
      pt: 'Servidores de Internet seguros (por milhão de pessoas)',
    },
    'per_million',
    'connectivity',
    byPopulation,
    { higherIsBetter: true, headline: true, decimals: 0 },
  ),
  def(
    'OBS.SECR.COUNT',
    {
      en: 'Secure Internet servers (number)',
      fr: 'Serveurs Internet sécurisés (nombre)',
      es: 'Servidores de Internet seguros (número)',
      pt: 'Servidores de Internet seguros (número)',
    },
    'count',
    'connectivity',
    sum,
    {
      higherIsBetter: true,
      decimals: 0,
      derived: {
        inputs: ['IT.NET.SECR.P6', POPULATION],
        compute: ([perMillion, population]) => ((perMillion ?? NaN) * (population ?? NaN)) / 1e6,
        formula: 'IT.NET.SECR.P6 × SP.POP.TOTL / 1,000,000',
      },
    },
  ),
  def(
    'OBS.USER.COUNT',
    {
      en: 'People using the Internet (number)',
      fr: 'Personnes utilisant Internet (nombre)',
      es: 'Personas que usan Internet (número)',
      pt: 'Pessoas que usam a Internet (número)',
    },
    'people',
    'connectivity',
    sum,
    {
      higherIsBetter: true,
      decimals: 0,
      derived: {
        inputs: ['IT.NET.USER.ZS', POPULATION],
        compute: ([share, population]) => ((share ?? NaN) * (population ?? NaN)) / 100,
        formula: 'IT.NET.USER.ZS × SP.POP.TOTL / 100',
      },
    },
  ),
  def(
    'OBS.OFFLINE.COUNT',
    {
      en: 'People not using the Internet (number)',
      fr: 'Personnes n’utilisant pas Internet (nombre)',
      es: 'Personas que no usan Internet (número)',
      pt: 'Pessoas que não usam a Internet (número)',
    },
    'people',
    'connectivity',
    sum,
    {
      higherIsBetter: false,
      decimals: 0,
      derived: {
        inputs: ['IT.NET.USER.ZS', POPULATION],
        compute: ([share, population]) => ((100 - (share ?? NaN)) * (population ?? NaN)) / 100,
        formula: '(100 − IT.NET.USER.ZS) × SP.POP.TOTL / 100',
      },
    },
  ),
  def(
    'EG.ELC.ACCS.ZS',
    {
      en: 'Access to electricity (% of population)',
      fr: 'Accès à l’électricité (% de la population)',
      es: 'Acceso a la electricidad (% de la población)',
      pt: 'Acesso à eletricidade (% da população)',
    },
    'percent',
    'connectivity',
    byPopulation,
    { higherIsBetter: true, headline: true },
  ),
  def(
    'IT.NET.BBND.P2',
    {
      en: 'Fixed broadband subscriptions (per 100 people)',
      fr: 'Abonnements au haut débit fixe (pour 100 personnes)',
      es: 'Suscripciones a banda ancha fija (por cada 100 personas)',
      pt: 'Assinaturas de banda larga fixa (por 100 pessoas)',
    },
    'per_100',
    'connectivity',
    byPopulation,
    { higherIsBetter: true, headline: true },
  ),
  def(
    'IT.CEL.SETS.P2',
    {
      en: 'Mobile cellular subscriptions (per 100 people)',
      fr: 'Abonnements à la téléphonie mobile (pour 100 personnes)',
      es: 'Suscripciones a telefonía celular móvil (por cada 100 personas)',
      pt: 'Assinaturas de telefonia móvel (por 100 pessoas)',
    },
    'per_100',
    'connectivity',
    byPopulation,
    { higherIsBetter: true, headline: true },
  ),
  def(
    'IT.MLT.MAIN.P2',
    {
      en: 'Fixed telephone subscriptions (per 100 people)',
      fr: 'Abonnements au téléphone fixe (pour 100 personnes)',
      es: 'Suscripciones a telefonía fija (por cada 100 personas)',
      pt: 'Assinaturas de telefonia fixa (por 100 pessoas)',
    },
    'per_100',
    'connectivity',
    byPopulation,
    { higherIsBetter: true },
  ),
  def(
    'FX.OWN.TOTL.ZS',
    {
      en: 'Account ownership at a financial institution or with a mobile-money-service provider (% of population ages 15+)',
      fr: 'Détention d’un compte auprès d’une institution financière ou d’un service de monnaie mobile (% des 15 ans et plus)',
      es: 'Titularidad de una cuenta en una institución financiera o un servicio de dinero móvil (% de la población de 15 años o más)',
      pt: 'Titularidade de conta em instituição financeira ou serviço de dinheiro móvel (% da população com 15 anos ou mais)',
    },
    'percent',
    'finance',
    byAdults,
    { higherIsBetter: true, headline: true, decimals: 0 },
  ),
  def(
    'FINDEX.DIGPAY',
    {
      en: 'Made or received a digital payment (% age 15+)',
      fr: 'A effectué ou reçu un paiement numérique (% des 15 ans et plus)',
      es: 'Realizó o recibió un pago digital (% de 15 años o más)',
      pt: 'Fez ou recebeu um pagamento digital (% com 15 anos ou mais)',
    },
    'percent',
    'finance',
    byAdults,
    { higherIsBetter: true, decimals: 0 },
  ),
  def(
    'FINDEX.MOBILE.ACCOUNT',
    {
      en: 'Mobile money account (% age 15+)',
      fr: 'Compte de monnaie mobile (% des 15 ans et plus)',
      es: 'Cuenta de dinero móvil (% de 15 años o más)',
      pt: 'Conta de dinheiro móvel (% com 15 anos ou mais)',
    },
    'percent',
    'finance',
    byAdults,
    { higherIsBetter: true, decimals: 0 },
  ),
  def(
    'FINDEX.BUY.ONLINE',
    {
      en: 'Used a mobile phone or the internet to buy something online (% age 15+)',
      fr: 'A utilisé un téléphone mobile ou Internet pour acheter en ligne (% des 15 ans et plus)',
      es: 'Usó un teléfono móvil o Internet para comprar en línea (% de 15 años o más)',
      pt: 'Usou um telemóvel ou a Internet para comprar online (% com 15 anos ou mais)',
    },
    'percent',
    'finance',
    byAdults,
    { higherIsBetter: true, decimals: 0 },
  ),
  def(
    'FINDEX.INTERNET.ACCESS',
    {
      en: 'Has access to the internet (% age 15+)',
      fr: 'A accès à Internet (% des 15 ans et plus)',
      es: 'Tiene acceso a Internet (% de 15 años o más)',
      pt: 'Tem acesso à Internet (% com 15 anos ou mais)',
    },
    'percent',
    'finance',
    byAdults,
    { higherIsBetter: true, decimals: 0 },
  ),
  def(
    ADULT_POPULATION,
    {
      en: 'Adult population, ages 15+ (Global Findex)',
      fr: 'Population adulte, 15 ans et plus (Global Findex)',
      es: 'Población adulta, 15 años o más (Global Findex)',
      pt: 'População adulta, 15 anos ou mais (Global Findex)',
    },
    'people',
    'population',
    sum,
    { decimals: 0 },
  ),
  def(
    'BX.GSR.CCIS.CD',
    {
      en: 'ICT service exports (BoP, current US$)',
      fr: 'Exportations de services TIC (BdP, $ US courants)',
      es: 'Exportaciones de servicios de TIC (balanza de pagos, US$ a precios actuales)',
      pt: 'Exportações de serviços de TIC (BP, US$ correntes)',
    },
    'usd',
    'trade',
    sum,
    { higherIsBetter: true, headline: true, decimals: 0 },
  ),
  def(
    GDP,
    {
      en: 'GDP (current US$)',
      fr: 'PIB ($ US courants)',
      es: 'PIB (US$ a precios actuales)',
      pt: 'PIB (US$ correntes)',
    },
    'usd',
    'economy',
    sum,
    { higherIsBetter: true, decimals: 0 },
  ),
  def(
    'NY.GDP.PCAP.CD',
    {
      en: 'GDP per capita (current US$)',
      fr: 'PIB par habitant ($ US courants)',
      es: 'PIB per cápita (US$ a precios actuales)',
      pt: 'PIB per capita (US$ correntes)',
    },
    'usd_per_person',
    'economy',
    byPopulation,
    { higherIsBetter: true, decimals: 0 },
  ),
  def(
    'NY.GDP.PCAP.PP.CD',
    {
      en: 'GDP per capita, PPP (current international $)',
      fr: 'PIB par habitant, PPA ($ internationaux courants)',
      es: 'PIB per cápita, PPA ($ a precios internacionales actuales)',
      pt: 'PIB per capita, PPC ($ internacionais correntes)',
    },
    'intl_usd_per_person',
    'economy',
    byPopulation,
    { higherIsBetter: true, decimals: 0 },
  ),
  def(
    'NY.GNP.PCAP.CD',
    {
      en: 'GNI per capita, Atlas method (current US$)',
      fr: 'RNB par habitant, méthode Atlas ($ US courants)',
      es: 'INB per cápita, método Atlas (US$ a precios actuales)',
      pt: 'RNB per capita, método Atlas (US$ correntes)',
    },
    'usd_per_person',
    'economy',
    { kind: 'none', reason: 'atlas' },
    { higherIsBetter: true, decimals: 0 },
  ),
  def(
    POPULATION,
    {
      en: 'Population, total',
      fr: 'Population totale',
      es: 'Población total',
      pt: 'População total',
    },
    'people',
    'population',
    sum,
    { decimals: 0 },
  ),
  def(
    'GC.TAX.TOTL.GD.ZS',
    {
      en: 'Tax revenue (% of GDP)',
      fr: 'Recettes fiscales (% du PIB)',
      es: 'Ingresos tributarios (% del PIB)',
      pt: 'Receita fiscal (% do PIB)',
    },
    'percent',
    'fiscal',
    byGdp,
  ),
  def(
    'GC.REV.XGRT.GD.ZS',
    {
      en: 'Revenue, excluding grants (% of GDP)',
      fr: 'Recettes, hors dons (% du PIB)',
      es: 'Ingresos, excluidas las donaciones (% del PIB)',
      pt: 'Receitas, excluindo doações (% do PIB)',
    },
    'percent',
    'fiscal',
    byGdp,
  ),
  def(
    'GC.TAX.IMPT.ZS',
    {
      en: 'Customs and other import duties (% of tax revenue)',
      fr: 'Droits de douane et autres droits à l’importation (% des recettes fiscales)',
      es: 'Derechos aduaneros y otros derechos de importación (% de los ingresos tributarios)',
      pt: 'Direitos aduaneiros e outros direitos de importação (% da receita fiscal)',
    },
    'percent',
    'fiscal',
    { kind: 'none', reason: 'no_weight' },
  ),
  def(
    'GC.TAX.INTT.CN',
    {
      en: 'Taxes on international trade (current LCU)',
      fr: 'Taxes sur le commerce international (UML courantes)',
      es: 'Impuestos sobre el comercio internacional (UMN a precios actuales)',
      pt: 'Impostos sobre o comércio internacional (UML correntes)',
    },
    'lcu',
    'fiscal',
    { kind: 'none', reason: 'local_currency' },
    { decimals: 0 },
  ),
  def(
    'NE.EXP.GNFS.ZS',
    {
      en: 'Exports of goods and services (% of GDP)',
      fr: 'Exportations de biens et de services (% du PIB)',
      es: 'Exportaciones de bienes y servicios (% del PIB)',
      pt: 'Exportações de bens e serviços (% do PIB)',
    },
    'percent',
    'trade',
    byGdp,
  ),
  def(
    'NE.IMP.GNFS.ZS',
    {
      en: 'Imports of goods and services (% of GDP)',
      fr: 'Importations de biens et de services (% du PIB)',
      es: 'Importaciones de bienes y servicios (% del PIB)',
      pt: 'Importações de bens e serviços (% do PIB)',
    },
    'percent',
    'trade',
    byGdp,
  ),
  def(
    'TG.VAL.TOTL.GD.ZS',
    {
      en: 'Merchandise trade (% of GDP)',
      fr: 'Commerce de marchandises (% du PIB)',
      es: 'Comercio de mercaderías (% del PIB)',
      pt: 'Comércio de mercadorias (% do PIB)',
    },
    'percent',
    'trade',
    byGdp,
  ),
  def(
    'TM.VAL.MRCH.CD.WT',
    {
      en: 'Merchandise imports (current US$)',
      fr: 'Importations de marchandises ($ US courants)',
      es: 'Importaciones de mercaderías (US$ a precios actuales)',
      pt: 'Importações de mercadorias (US$ correntes)',
    },
    'usd',
    'trade',
    sum,
    { decimals: 0 },
  ),
  def(
    'TX.VAL.MRCH.CD.WT',
    {
      en: 'Merchandise exports (current US$)',
      fr: 'Exportations de marchandises ($ US courants)',
      es: 'Exportaciones de mercaderías (US$ a precios actuales)',
      pt: 'Exportações de mercadorias (US$ correntes)',
    },
    'usd',
    'trade',
    sum,
    { decimals: 0 },
  ),
  def(
    'TX.VAL.TECH.CD',
    {
      en: 'High-technology exports (current US$)',
      fr: 'Exportations de produits de haute technologie ($ US courants)',
      es: 'Exportaciones de productos de alta tecnología (US$ a precios actuales)',
      pt: 'Exportações de alta tecnologia (US$ correntes)',
    },
    'usd',
    'trade',
    sum,
    { higherIsBetter: true, decimals: 0 },
  ),
  def(
    'TX.VAL.TECH.MF.ZS',
    {
      en: 'High-technology exports (% of manufactured exports)',
      fr: 'Exportations de produits de haute technologie (% des exportations de produits manufacturés)',
      es: 'Exportaciones de productos de alta tecnología (% de las exportaciones de productos manufacturados)',
      pt: 'Exportações de alta tecnologia (% das exportações de manufaturados)',
    },
    'percent',
    'trade',
    { kind: 'none', reason: 'no_weight' },
    { higherIsBetter: true },
  ),
  def(
    'BX.GSR.ROYL.CD',
    {
      en: 'Charges for the use of intellectual property, receipts (BoP, current US$)',
      fr: 'Redevances pour l’usage de la propriété intellectuelle, recettes (BdP, $ US courants)',
      es: 'Cargos por el uso de propiedad intelectual, ingresos (balanza de pagos, US$ a precios actuales)',
      pt: 'Encargos pelo uso de propriedade intelectual, receitas (BP, US$ correntes)',
    },
    'usd',
    'trade',
    sum,
    { decimals: 0 },
  ),
  def(
    'BM.GSR.ROYL.CD',
    {
      en: 'Charges for the use of intellectual property, payments (BoP, current US$)',
      fr: 'Redevances pour l’usage de la propriété intellectuelle, paiements (BdP, $ US courants)',
      es: 'Cargos por el uso de propiedad intelectual, pagos (balanza de pagos, US$ a precios actuales)',
      pt: 'Encargos pelo uso de propriedade intelectual, pagamentos (BP, US$ correntes)',
    },
    'usd',
    'trade',
    sum,
    { decimals: 0 },
  ),
  def(
    'FB.ATM.TOTL.P5',
    {
      en: 'Automated teller machines (ATMs) (per 100,000 adults)',
      fr: 'Guichets automatiques bancaires (pour 100 000 adultes)',
      es: 'Cajeros automáticos (por cada 100.000 adultos)',
      pt: 'Caixas automáticos (por 100 000 adultos)',
    },
    'per_100k_adults',
    'finance',
    { kind: 'none', reason: 'no_weight' },
    { higherIsBetter: true },
  ),
  def(
    'FB.CBK.BRCH.P5',
    {
      en: 'Commercial bank branches (per 100,000 adults)',
      fr: 'Agences de banques commerciales (pour 100 000 adultes)',
      es: 'Sucursales de bancos comerciales (por cada 100.000 adultos)',
      pt: 'Agências de bancos comerciais (por 100 000 adultos)',
    },
    'per_100k_adults',
    'finance',
    { kind: 'none', reason: 'no_weight' },
    { higherIsBetter: true },
  ),
  def(
    'LP.LPI.OVRL.XQ',
    {
      en: 'Logistics performance index: overall (1 = low to 5 = high)',
      fr: 'Indice de performance logistique : global (1 = faible à 5 = élevé)',
      es: 'Índice de desempeño logístico: general (1 = bajo a 5 = alto)',
      pt: 'Índice de desempenho logístico: geral (1 = baixo a 5 = alto)',
    },
    'index',
    'trade',
    { kind: 'none', reason: 'index' },
    { higherIsBetter: true, decimals: 2 },
  ),
  def(
    'PA.NUS.FCRF',
    {
      en: 'Official exchange rate (LCU per US$, period average)',
      fr: 'Taux de change officiel (UML par $ US, moyenne de la période)',
      es: 'Tasa de cambio oficial (UMN por US$, promedio para un período)',
      pt: 'Taxa de câmbio oficial (UML por US$, média do período)',
    },
    'lcu_per_usd',
    'economy',
    { kind: 'none', reason: 'local_currency' },
    { decimals: 2 },
  ),
];

const BY_CODE = new Map(CATALOGUE.map((d) => [d.code, d]));

export function catalogueEntry(code: string): IndicatorDef | undefined {
  return BY_CODE.get(code);
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Indicator codes as the World Bank writes them: letters, digits and dots ("IT.NET.USER.ZS"). */
export function isIndicatorCode(code: string): boolean {
  return CODE.test(code);
}

/**
 * The definition of an indicator the catalogue does not know (imported from a file): it is shown and
 * downloadable, but not aggregated, because its aggregation rule is unknown.
 */
export function uncataloguedIndicator(code: string, name: string): IndicatorDef {
  return def(code, { en: name }, 'index', 'economy', { kind: 'none', reason: 'unknown_rule' });
}
