import type { Localized } from './lang.ts';

/** The kinds of answer a question takes; every answer is checked against its question's kind. */
export type QuestionType =
  | { kind: 'number'; unit?: string; min?: number; max?: number }
  | { kind: 'date' }
  | { kind: 'choice'; options: readonly { id: string; label: Localized }[] }
  | { kind: 'text'; maxLength?: number }
  | { kind: 'link' };

export interface Question {
  id: string;
  label: Localized;
  help?: Localized;
  type: QuestionType;
  required?: boolean;
}

/** A questionnaire on one member practice; a new version is a new definition, answers name the version. */
export interface Questionnaire {
  id: string;
  version: number;
  title: Localized;
  /** Where in the communication the question comes from. */
  reference: string;
  questions: readonly Question[];
}

const yesNo = [
  { id: 'yes', label: { en: 'Yes', fr: 'Oui', es: 'Sí', pt: 'Sim' } },
  { id: 'no', label: { en: 'No', fr: 'Non', es: 'No', pt: 'Não' } },
  { id: 'partly', label: { en: 'Partly', fr: 'En partie', es: 'En parte', pt: 'Em parte' } },
] as const;

export const QUESTIONNAIRES: readonly Questionnaire[] = [
  {
    id: 'carrier-media',
    version: 1,
    title: { en: 'Customs valuation of carrier media and digitised goods', fr: 'Évaluation en douane des supports informatiques et des biens numérisés', es: 'Valoración en aduana de soportes informáticos y bienes digitalizados' },
    reference: 'WT/GC/W/833 §6.3 (fourth question)',
    questions: [
      { id: 'applies-1984-decision', label: { en: 'Does the member apply the 1984 decision on carrier media bearing software (value of the carrier medium only)?', fr: 'Le Membre applique-t-il la décision de 1984 sur les supports informatiques (valeur du seul support) ?', es: '¿Aplica el Miembro la decisión de 1984 sobre soportes informáticos (valor del soporte solamente)?' }, type: { kind: 'choice', options: yesNo }, required: true },
      { id: 'since', label: { en: 'Since when', fr: 'Depuis quand', es: 'Desde cuándo' }, type: { kind: 'date' } },
      { id: 'digitised-goods-valuation', label: { en: 'How are digitised goods delivered on physical media valued?', fr: 'Comment les biens numérisés livrés sur support physique sont-ils évalués ?', es: '¿Cómo se valoran los bienes digitalizados entregados en soporte físico?' }, type: { kind: 'text', maxLength: 2000 } },
      { id: 'legal-basis', label: { en: 'Legal basis (link)', fr: 'Base juridique (lien)', es: 'Base jurídica (enlace)' }, type: { kind: 'link' } },
    ],
  },
  {
    id: 'digital-vat',
    version: 1,
    title: { en: 'VAT/GST on digital supplies', fr: 'TVA/TPS sur les fournitures numériques', es: 'IVA/GST sobre suministros digitales' },
    reference: 'WT/GC/W/833 §5.4, §6.3',
    questions: [
      { id: 'rate', label: { en: 'Rate (%)', fr: 'Taux (%)', es: 'Tasa (%)' }, type: { kind: 'number', unit: '%', min: 0, max: 100 }, required: true },
      { id: 'start', label: { en: 'In force since', fr: 'En vigueur depuis', es: 'En vigor desde' }, type: { kind: 'date' }, required: true },
      { id: 'threshold', label: { en: 'Registration threshold (local currency)', fr: 'Seuil d’enregistrement (monnaie locale)', es: 'Umbral de registro (moneda local)' }, type: { kind: 'number', min: 0 } },
      {
        id: 'collection-model',
        label: { en: 'Collection model', fr: 'Mode de collecte', es: 'Modelo de recaudación' },
        type: {
          kind: 'choice',
          options: [
            { id: 'vendor-registration', label: { en: 'Foreign vendors register', fr: 'Enregistrement des fournisseurs étrangers', es: 'Registro de proveedores extranjeros' } },
            { id: 'platform-liability', label: { en: 'Platforms collect', fr: 'Collecte par les plateformes', es: 'Recaudación por plataformas' } },
            { id: 'reverse-charge', label: { en: 'Reverse charge (business buyers)', fr: 'Autoliquidation (acheteurs professionnels)', es: 'Inversión del sujeto pasivo' } },
            { id: 'payment-withholding', label: { en: 'Withholding by payment providers', fr: 'Retenue par les prestataires de paiement', es: 'Retención por proveedores de pago' } },
          ],
        },
      },
      { id: 'revenue-collected', label: { en: 'Revenue collected last year (local currency)', fr: 'Recettes perçues l’an dernier (monnaie locale)', es: 'Ingresos recaudados el año pasado (moneda local)' }, type: { kind: 'number', min: 0 } },
      { id: 'legal-basis', label: { en: 'Legal basis (link)', fr: 'Base juridique (lien)', es: 'Base jurídica (enlace)' }, type: { kind: 'link' } },
    ],
  },
  {
    id: 'de-minimis',
    version: 1,
    title: { en: 'Customs de minimis', fr: 'Seuil de minimis en douane', es: 'Umbral de minimis aduanero' },
    reference: 'WT/GC/W/833 §6.3',
    questions: [
      { id: 'duty-threshold', label: { en: 'Duty-free threshold (local currency)', fr: 'Seuil d’exonération des droits (monnaie locale)', es: 'Umbral de exención de derechos (moneda local)' }, type: { kind: 'number', min: 0 }, required: true },
      { id: 'tax-threshold', label: { en: 'Tax-free threshold (local currency)', fr: 'Seuil d’exonération des taxes (monnaie locale)', es: 'Umbral de exención de impuestos (moneda local)' }, type: { kind: 'number', min: 0 } },
      { id: 'since', label: { en: 'Since when', fr: 'Depuis quand', es: 'Desde cuándo' }, type: { kind: 'date' } },
    ],
  },
  {
    id: 'payments-interoperability',
    version: 1,
    title: { en: 'Payment-system interoperability', fr: 'Interopérabilité des systèmes de paiement', es: 'Interoperabilidad de los sistemas de pago' },
    reference: 'WT/GC/W/833 §3.2, §6.3 (fifth question)',
    questions: [
      { id: 'mobile-money-interoperable', label: { en: 'Are mobile-money services interoperable across providers?', fr: 'Les services de monnaie mobile sont-ils interopérables entre opérateurs ?', es: '¿Son interoperables los servicios de dinero móvil entre proveedores?' }, type: { kind: 'choice', options: yesNo }, required: true },
      { id: 'cross-border', label: { en: 'Cross-border payment arrangements (regional switch, PAPSS …)', fr: 'Paiements transfrontières (commutateur régional, PAPSS …)', es: 'Pagos transfronterizos (conmutador regional, PAPSS …)' }, type: { kind: 'text', maxLength: 2000 } },
    ],
  },
  {
    id: 'foreign-cyberlaw-costs',
    version: 1,
    title: { en: 'Compliance costs of foreign cyber-laws for small firms', fr: 'Coûts de mise en conformité des petites entreprises avec les cyberlois étrangères', es: 'Costos de cumplimiento de ciberleyes extranjeras para pequeñas empresas' },
    reference: 'WT/GC/W/833 §6.3 (fifth question)',
    questions: [
      { id: 'estimated-cost', label: { en: 'Estimated yearly cost per small exporter (USD)', fr: 'Coût annuel estimé par petit exportateur (USD)', es: 'Costo anual estimado por pequeño exportador (USD)' }, type: { kind: 'number', unit: 'USD', min: 0 } },
      { id: 'main-obstacles', label: { en: 'Main obstacles', fr: 'Principaux obstacles', es: 'Principales obstáculos' }, type: { kind: 'text', maxLength: 4000 }, required: true },
      { id: 'source', label: { en: 'Source (link)', fr: 'Source (lien)', es: 'Fuente (enlace)' }, type: { kind: 'link' } },
    ],
  },
];

export type AnswerValue = number | string | null;

/**
 * Checks answers against a questionnaire: every required question answered, each value of its question's
 * kind. Returns the problems by question id (empty when the answers are valid).
 */
export function validateAnswers(q: Questionnaire, answers: Readonly<Record<string, AnswerValue>>): Record<string, string> {
  const problems: Record<string, string> = {};
  const known = new Set(q.questions.map((x) => x.id));
  for (const id of Object.keys(answers)) if (!known.has(id)) problems[id] = 'not a question of this questionnaire';
  for (const question of q.questions) {
    const v = answers[question.id] ?? null;
    if (v === null || v === '') {
      if (question.required) problems[question.id] = 'required';
      continue;
    }
    const t = question.type;
    switch (t.kind) {
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) problems[question.id] = 'not a number';
        else if ((t.min !== undefined && v < t.min) || (t.max !== undefined && v > t.max)) problems[question.id] = `outside ${t.min ?? '−∞'}–${t.max ?? '∞'}`;
        break;
      case 'date':
        if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) problems[question.id] = 'not a date (YYYY-MM-DD)';
        break;
      case 'choice':
        if (typeof v !== 'string' || !t.options.some((o) => o.id === v)) problems[question.id] = `not one of ${t.options.map((o) => o.id).join(', ')}`;
        break;
      case 'text':
        if (typeof v !== 'string') problems[question.id] = 'not text';
        else if (t.maxLength !== undefined && v.length > t.maxLength) problems[question.id] = `longer than ${t.maxLength} characters`;
        break;
      case 'link':
        if (typeof v !== 'string' || !/^https?:\/\/[^\s]+$/.test(v)) problems[question.id] = 'not a web link (http:// or https://)';
        break;
    }
  }
  return problems;
}

/** What the members' answers to one question add up to, for the compiled comparison table. */
export type QuestionSummary =
  | { question: string; kind: 'choice'; answered: number; counts: Record<string, number> }
  | { question: string; kind: 'number'; answered: number; min: number | null; median: number | null; max: number | null }
  | { question: string; kind: 'date'; answered: number; earliest: string | null; latest: string | null }
  | { question: string; kind: 'text' | 'link'; answered: number };

function medianOf(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Per question, over the members that answered it (a member without answers, or that left the question
 * empty, is not counted): for choices the count per option (every option listed, zero included), for
 * numbers the minimum, median and maximum, for dates the earliest and latest.
 * @example summarizeAnswers(q, [{ rate: 15 }, null, { rate: 7.5 }])[0] // { kind: 'number', answered: 2, min: 7.5, median: 11.25, max: 15 }
 */
export function summarizeAnswers(q: Questionnaire, rows: readonly (Readonly<Record<string, AnswerValue>> | null)[]): QuestionSummary[] {
  return q.questions.map((question): QuestionSummary => {
    const values = rows.map((r) => r?.[question.id] ?? null).filter((v): v is number | string => v !== null && v !== '');
    const t = question.type;
    switch (t.kind) {
      case 'choice': {
        const counts: Record<string, number> = Object.fromEntries(t.options.map((o) => [o.id, 0]));
        for (const v of values) if (typeof v === 'string' && v in counts) counts[v] = (counts[v] ?? 0) + 1;
        return { question: question.id, kind: 'choice', answered: Object.values(counts).reduce((a, b) => a + b, 0), counts };
      }
      case 'number': {
        const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
        return { question: question.id, kind: 'number', answered: numbers.length, min: numbers[0] ?? null, median: medianOf(numbers), max: numbers[numbers.length - 1] ?? null };
      }
      case 'date': {
        const dates = values.filter((v): v is string => typeof v === 'string').sort();
        return { question: question.id, kind: 'date', answered: dates.length, earliest: dates[0] ?? null, latest: dates[dates.length - 1] ?? null };
      }
      default:
        return { question: question.id, kind: t.kind, answered: values.length };
    }
  });
}
