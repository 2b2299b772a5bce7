import type { Child } from 'hono/jsx';

export interface FigureProps {
  id: string;
  title: string;
  /** One or two sentences saying what the chart shows, read first by screen readers. */
  summary: string;
  /** The same data as a table (for screen readers, keyboard users and anyone who prefers numbers). */
  table: { caption: string; head: string[]; rows: (string | number)[][] };
  tableLabel: string;
  children: Child;
}

/** Every chart: a titled figure with a text summary, the SVG, and a table alternative. */
export function Figure({ id, title, summary, table, tableLabel, children }: FigureProps) {
  return (
    <figure class="chart" id={id} aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
      <figcaption id={`${id}-title`} class="chart-title">
        {title}
      </figcaption>
      <p id={`${id}-summary`} class="chart-summary">
        {summary}
      </p>
      {children}
      <details class="chart-data">
        <summary>{tableLabel}</summary>
        <div class="table-wrap" tabindex={0} role="region" aria-label={table.caption}>
          <table>
            <caption class="visually-hidden">{table.caption}</caption>
            <thead>
              <tr>
                {table.head.map((h) => (
                  <th scope="col">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th scope="row">{cell}</th>
                    ) : (
                      <td class={typeof cell === 'number' ? 'num' : undefined}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
