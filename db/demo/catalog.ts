/**
 * The fixed cast of the demo workspace: teams, reps, staff, skills, content and coaching
 * notes (the customers' names and words: ./words.ts). Data only; the generator (./generate.ts) draws from it with a seed.
 * Every address is on a reserved domain (`.test`, `.example`, `example.com`).
 */
import type { CpiKey, InteractionType, Locale } from '../schema';

export const DEMO_SKILLS = [
  { slug: 'discovery', name: 'Discovery' },
  { slug: 'objection-handling', name: 'Objection handling' },
  { slug: 'product-knowledge', name: 'Product knowledge' },
  { slug: 'value-messaging', name: 'Value messaging' },
  { slug: 'content-usage', name: 'Content usage' },
  { slug: 'quoting', name: 'Quoting' },
] as const;
export type DemoSkill = (typeof DEMO_SKILLS)[number]['slug'];

export interface DemoTeam {
  name: string;
  /** Hours from UTC of the team's working day (fixed, no daylight saving). */
  utcOffset: number;
  /** Customer locales and their shares. */
  locales: [Locale, number][];
  /** Offsets of the team's mean proficiency per skill (points on 0–100). */
  skillOffsets: Partial<Record<DemoSkill, number>>;
  reps: string[];
  /** Customer companies: name and mail domain. */
  companies: string[];
  trainer: { email: string; name: string };
}

export const DEMO_TEAMS: DemoTeam[] = [
  {
    name: 'Iberia',
    utcOffset: 1,
    locales: [
      ['es', 0.75],
      ['en', 0.2],
      ['de', 0.05],
    ],
    skillOffsets: { 'objection-handling': -8, 'value-messaging': 4 },
    reps: [
      'Lucía Fernández',
      'Javier Morales',
      'Carmen Ruiz',
      'Pablo Navarro',
      'Marta Sánchez',
      'Diego Ortega',
      'Inês Carvalho',
      'João Pereira',
      'Elena Castillo',
      'Sergio Delgado',
      'Raquel Molina',
      'Álvaro Herrera',
    ],
    companies: [
      'Iberfarma',
      'Logística Tajo',
      'Construcciones Duero',
      'Hoteles Brisa',
      'Alimentos Sierra',
      'Energía Levante',
      'Textil Galicia',
      'Seguros Atlántico',
      'Clínicas Aurora',
      'Vinos Ribera',
      'Transportes Miño',
      'Grupo Albatros',
      'Papelera Ebro',
      'Lusomar',
      'Cerâmica Douro',
      'Agro Guadalquivir',
    ],
    trainer: { email: 'trainer@demo.cpilens.test', name: 'Rosa Jiménez' },
  },
  {
    name: 'DACH',
    utcOffset: 1,
    locales: [
      ['de', 0.75],
      ['en', 0.25],
    ],
    skillOffsets: { 'product-knowledge': 6, quoting: -8 },
    reps: [
      'Anna Schneider',
      'Lukas Weber',
      'Sophie Becker',
      'Felix Hoffmann',
      'Laura Schäfer',
      'Jonas Wagner',
      'Lena Fischer',
      'Maximilian Braun',
      'Katharina Vogel',
      'Tobias Keller',
      'Miriam Huber',
      'Florian Gruber',
    ],
    companies: [
      'Rheinwerk Maschinenbau',
      'Alpenmilch',
      'Hanse Logistik',
      'Bergmann Elektro',
      'Donau Versicherung',
      'Seeblick Hotels',
      'Kraft Präzision',
      'Nordlicht Energie',
      'Zürcher Feinmechanik',
      'Grazer Bau',
      'Mosel Wein',
      'Spree Software',
      'Holzbau Tirol',
      'Brenner Pharma',
      'Elbtal Papier',
      'Bodensee Textil',
    ],
    trainer: { email: 'trainer.dach@demo.cpilens.test', name: 'Jonas Albrecht' },
  },
  {
    name: 'North America',
    utcOffset: -5,
    locales: [
      ['en', 0.88],
      ['es', 0.12],
    ],
    skillOffsets: { 'content-usage': -6, discovery: 6 },
    reps: [
      'Emily Carter',
      'Marcus Johnson',
      'Priya Patel',
      'Daniel Kim',
      'Olivia Martinez',
      'Ethan Brooks',
      'Grace Liu',
      'Jamal Washington',
      'Hannah Murphy',
      'Carlos Rivera',
      "Megan O'Brien",
      'Noah Bennett',
    ],
    companies: [
      'Lakeshore Foods',
      'Summit Health',
      'Pioneer Freight',
      'Bluewater Energy',
      'Redwood Builders',
      'Harbor Insurance',
      'Prairie Ag',
      'Granite Manufacturing',
      'Maple Hospitality',
      'Cascade Retail',
      'Liberty Pharma',
      'Northstar Media',
      'Copperline Mining',
      'Evergreen Schools',
      'Keystone Banking',
      'Sierra Outdoor',
    ],
    trainer: { email: 'trainer.na@demo.cpilens.test', name: 'Karen Holt' },
  },
];

/** The demo logins printed by `npm run demo`: one per role. */
export const DEMO_LOGINS = [
  { role: 'admin', email: 'admin@demo.cpilens.test', name: 'Sam Whitaker', password: 'demo-admin-pass' },
  { role: 'lead', email: 'lead@demo.cpilens.test', name: 'Nora Lindqvist', password: 'demo-lead-pass' },
  {
    role: 'trainer',
    email: 'trainer@demo.cpilens.test',
    name: 'Rosa Jiménez',
    password: 'demo-trainer-pass',
    team: 'Iberia',
  },
] as const;

export interface DemoContent {
  id: string;
  title: string;
  stage: string;
  topic: string;
  /** Added to content_useful before rounding: how good the item is. */
  quality: number;
  /** Interaction types it is typically shared in. */
  types: InteractionType[];
}

export const DEMO_CONTENT: DemoContent[] = [
  {
    id: 'deck-roi',
    title: 'ROI calculator deck',
    stage: 'consideration',
    topic: 'roi',
    quality: 0.35,
    types: ['meeting', 'demo', 'call'],
  },
  {
    id: 'deck-security',
    title: 'Security and compliance overview',
    stage: 'decision',
    topic: 'security',
    quality: 0.15,
    types: ['meeting', 'demo'],
  },
  {
    id: 'case-study-retail',
    title: 'Case study: a retail chain cuts stock-outs by 30%',
    stage: 'consideration',
    topic: 'case-study',
    quality: 0.25,
    types: ['call', 'meeting'],
  },
  {
    id: 'case-study-manufacturing',
    title: 'Case study: predictive maintenance in manufacturing',
    stage: 'consideration',
    topic: 'case-study',
    quality: 0.05,
    types: ['call', 'meeting', 'demo'],
  },
  {
    id: 'whitepaper-integrations',
    title: 'Integrations whitepaper',
    stage: 'consideration',
    topic: 'integrations',
    quality: -0.1,
    types: ['demo', 'meeting', 'support'],
  },
  {
    id: 'pricing-sheet',
    title: 'Pricing sheet',
    stage: 'decision',
    topic: 'pricing',
    quality: 0.1,
    types: ['quote', 'meeting'],
  },
  {
    id: 'video-onboarding',
    title: 'Onboarding walkthrough (video)',
    stage: 'onboarding',
    topic: 'product',
    quality: 0.2,
    types: ['support', 'demo'],
  },
  {
    id: 'product-tour',
    title: 'Interactive product tour',
    stage: 'awareness',
    topic: 'product',
    quality: 0.0,
    types: ['call', 'demo'],
  },
  {
    id: 'guide-comparison',
    title: 'Buyer’s comparison guide',
    stage: 'consideration',
    topic: 'competition',
    quality: -0.2,
    types: ['call', 'meeting', 'quote'],
  },
  {
    id: 'faq-implementation',
    title: 'Implementation FAQ',
    stage: 'decision',
    topic: 'implementation',
    quality: 0.0,
    types: ['support', 'quote', 'meeting'],
  },
  {
    id: 'webinar-trends',
    title: 'Webinar recording: industry trends',
    stage: 'awareness',
    topic: 'market',
    quality: -0.4,
    types: ['call'],
  },
  {
    id: 'checklist-evaluation',
    title: 'Evaluation checklist',
    stage: 'consideration',
    topic: 'evaluation',
    quality: -0.05,
    types: ['call', 'meeting', 'demo'],
  },
];

export const contentUrl = (id: string) => `https://content.example.com/library/${id}`;

export const COACHING_NOTES: Record<DemoSkill, { cpi: CpiKey; note: string }> = {
  discovery: {
    cpi: 'fcr',
    note: 'Practised open questions and summarising the customer’s goals before proposing anything.',
  },
  'objection-handling': {
    cpi: 'decisionClearer',
    note: 'Role-played price and timing objections; agreed to confirm the decision path at the end of every call.',
  },
  'product-knowledge': {
    cpi: 'fcr',
    note: 'Walked through the integration and licensing edge cases that come up most in support calls.',
  },
  'value-messaging': {
    cpi: 'addedValue',
    note: 'Rebuilt the opening around the customer’s numbers instead of our feature list.',
  },
  'content-usage': {
    cpi: 'contentUseful',
    note: 'Mapped library items to sales stages; share one item that fits, not five.',
  },
  quoting: { cpi: 'quoteTurnaround', note: 'Set up quote templates and the approval shortcut for standard discounts.' },
};

/** Folds a display name into an email local part: "Álvaro Herrera" → "alvaro.herrera". */
