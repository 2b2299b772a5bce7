/**
 * The demo's customers: their names per language, the comments they write by sentiment, and
 * how an address is made from a name. Data only; the generator draws from it with a seed.
 * Every address is on a reserved domain (`.example`).
 */
import type { Locale } from '../schema';

export const CUSTOMER_NAMES: Record<Locale, { first: string[]; last: string[] }> = {
  en: {
    first: [
      'James',
      'Mary',
      'Robert',
      'Patricia',
      'Michael',
      'Jennifer',
      'David',
      'Linda',
      'William',
      'Susan',
      'Chris',
      'Karen',
      'Kevin',
      'Nancy',
      'Brian',
      'Lisa',
      'Jason',
      'Amy',
      'Ryan',
      'Rachel',
    ],
    last: [
      'Smith',
      'Johnson',
      'Williams',
      'Brown',
      'Jones',
      'Miller',
      'Davis',
      'Wilson',
      'Anderson',
      'Taylor',
      'Thomas',
      'Moore',
      'Jackson',
      'White',
      'Harris',
      'Clark',
      'Lewis',
      'Walker',
      'Young',
      'Allen',
    ],
  },
  es: {
    first: [
      'María',
      'José',
      'Antonio',
      'Ana',
      'Manuel',
      'Laura',
      'Francisco',
      'Isabel',
      'David',
      'Cristina',
      'Juan',
      'Pilar',
      'Alberto',
      'Rocío',
      'Miguel',
      'Beatriz',
      'Rafael',
      'Nuria',
      'Andrés',
      'Silvia',
    ],
    last: [
      'García',
      'Rodríguez',
      'González',
      'López',
      'Martínez',
      'Pérez',
      'Gómez',
      'Martín',
      'Jiménez',
      'Hernández',
      'Díaz',
      'Moreno',
      'Álvarez',
      'Romero',
      'Torres',
      'Domínguez',
      'Vázquez',
      'Ramos',
      'Gil',
      'Serrano',
    ],
  },
  de: {
    first: [
      'Thomas',
      'Sabine',
      'Michael',
      'Petra',
      'Andreas',
      'Claudia',
      'Stefan',
      'Monika',
      'Markus',
      'Susanne',
      'Christian',
      'Birgit',
      'Martin',
      'Julia',
      'Frank',
      'Nicole',
      'Jürgen',
      'Andrea',
      'Matthias',
      'Karin',
    ],
    last: [
      'Müller',
      'Schmidt',
      'Meyer',
      'Wolf',
      'Schulz',
      'Koch',
      'Richter',
      'Klein',
      'Neumann',
      'Schwarz',
      'Zimmermann',
      'Krüger',
      'Hartmann',
      'Lange',
      'Werner',
      'Lehmann',
      'Köhler',
      'Maier',
      'Huber',
      'Frank',
    ],
  },
};

export type Sentiment = 'negative' | 'neutral' | 'positive';

export const COMMENTS: Record<Locale, Record<Sentiment, string[]>> = {
  en: {
    negative: [
      'The quote took far too long to arrive.',
      'I still do not know which plan fits us.',
      'Felt like a sales pitch, not an answer to my question.',
      'It took three calls to get my issue solved.',
      'The slides were generic, nothing about our industry.',
      'When I raised the price, the conversation just stalled.',
    ],
    neutral: [
      'OK overall; a written summary afterwards would help.',
      'Good call, but we ran out of time for pricing.',
      'Please send the recording.',
      'Fine, although the next steps were not clear to me.',
    ],
    positive: [
      'Very clear comparison of the options, thanks!',
      'The ROI numbers made the business case easy to present internally.',
      'Solved on the spot. Great service.',
      'Best demo we have seen in this evaluation.',
      'Answered every concern our CFO had.',
    ],
  },
  es: {
    negative: [
      'El presupuesto tardó demasiado en llegar.',
      'Sigo sin saber qué plan nos conviene.',
      'Parecía más una presentación comercial que una respuesta a mi pregunta.',
      'Necesité tres llamadas para resolver la incidencia.',
      'Las diapositivas eran genéricas, nada sobre nuestro sector.',
      'Cuando planteé el precio, la conversación se atascó.',
    ],
    neutral: [
      'Bien en general; un resumen por escrito ayudaría.',
      'Buena llamada, pero nos faltó tiempo para hablar de precios.',
      '¿Podéis enviarnos la grabación?',
      'Correcto, aunque no me quedaron claros los siguientes pasos.',
    ],
    positive: [
      'Comparación muy clara de las opciones, ¡gracias!',
      'Las cifras de ROI nos facilitan presentar el caso internamente.',
      'Resuelto en el momento. Excelente atención.',
      'La mejor demo que hemos visto en esta evaluación.',
      'Respondió a todas las dudas de nuestro director financiero.',
    ],
  },
  de: {
    negative: [
      'Das Angebot kam viel zu spät.',
      'Ich weiß immer noch nicht, welcher Tarif zu uns passt.',
      'Wirkte eher wie ein Verkaufsgespräch als eine Antwort auf meine Frage.',
      'Ich brauchte drei Anrufe, bis das Problem gelöst war.',
      'Die Folien waren allgemein, nichts zu unserer Branche.',
      'Beim Thema Preis kam das Gespräch ins Stocken.',
    ],
    neutral: [
      'Insgesamt in Ordnung; eine schriftliche Zusammenfassung wäre hilfreich.',
      'Gutes Gespräch, aber für die Preise blieb keine Zeit.',
      'Bitte schicken Sie uns die Aufzeichnung.',
      'Passt, nur die nächsten Schritte waren mir nicht klar.',
    ],
    positive: [
      'Sehr klarer Vergleich der Optionen, danke!',
      'Mit den ROI-Zahlen können wir den Business Case intern gut vorstellen.',
      'Sofort gelöst. Toller Service.',
      'Die beste Demo in unserer Evaluierung.',
      'Alle Fragen unseres CFO wurden beantwortet.',
    ],
  },
};

/** What a trainer writes after a coaching session, by the skill coached. */
export function emailLocalPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.');
}

export const companyDomain = (company: string) => `${emailLocalPart(company).replace(/\./g, '-')}.example`;
