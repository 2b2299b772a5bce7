/** The API reference (/api/reference): every /api/v1 route from the OpenAPI document, rendered on our origin (no script). */
import { PublicLayout } from '../layout';

export interface ApiReferenceProps {
  baseUrl: string;
  operations: {
    method: string;
    path: string;
    summary: string;
    scope: string;
    parameters: { name: string; type: string; description: string }[];
    fields: { name: string; type: string; required: boolean }[];
    statuses: { status: string; description: string }[];
  }[];
}

const anchor = (op: { method: string; path: string }) =>
  `${op.method}-${op.path}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export function ApiReferencePage({ baseUrl, operations }: ApiReferenceProps) {
  const base = `${baseUrl.replace(/\/$/, '')}/api/v1`;
  return (
    <PublicLayout title="CPI Lens API reference" lang="en">
      <h1>CPI Lens API reference</h1>
      <p>
        Base URL <code class="wrap">{base}</code>. Every request carries a key created at Admin → API keys:{' '}
        <code class="wrap">Authorization: Bearer cpil_…</code>. Scopes: <code>ingest</code> for writes,{' '}
        <code>read</code> for reads, <code>all</code> for both. Writes take one object or an array of up to 1,000, all
        or nothing.
      </p>
      <p>
        The machine-readable description: <a href="/api/v1/openapi.json">OpenAPI 3.1 document</a> (import it into
        Postman, Insomnia or a client generator).
      </p>
      <pre class="mail-text">{`curl -s ${base}/whoami -H "Authorization: Bearer $CPI_LENS_KEY"`}</pre>
      <nav aria-label="Endpoints">
        <ul>
          {operations.map((op) => (
            <li>
              <a href={`#${anchor(op)}`}>
                <code>
                  {op.method} {op.path}
                </code>
              </a>{' '}
              — {op.summary}
            </li>
          ))}
        </ul>
      </nav>
      {operations.map((op) => (
        <section class="card" id={anchor(op)} aria-labelledby={`${anchor(op)}-title`}>
          <h2 id={`${anchor(op)}-title`}>
            <code>
              {op.method} {op.path}
            </code>
          </h2>
          <p>
            {op.summary}. Scope: {op.scope}.
          </p>
          {op.parameters.length > 0 && (
            <div class="table-wrap">
              <table>
                <caption>Query parameters (all optional)</caption>
                <thead>
                  <tr>
                    <th scope="col">name</th>
                    <th scope="col">type</th>
                    <th scope="col">meaning</th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr>
                      <td>
                        <code>{p.name}</code>
                      </td>
                      <td>{p.type}</td>
                      <td>{p.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {op.fields.length > 0 && (
            <div class="table-wrap">
              <table>
                <caption>Fields of each item</caption>
                <thead>
                  <tr>
                    <th scope="col">field</th>
                    <th scope="col">type</th>
                    <th scope="col">required</th>
                  </tr>
                </thead>
                <tbody>
                  {op.fields.map((f) => (
                    <tr>
                      <td>
                        <code>{f.name}</code>
                      </td>
                      <td>{f.type}</td>
                      <td>{f.required ? 'yes' : 'no'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div class="table-wrap">
            <table>
              <caption>Answers</caption>
              <thead>
                <tr>
                  <th scope="col">status</th>
                  <th scope="col">when</th>
                </tr>
              </thead>
              <tbody>
                {op.statuses.map((s) => (
                  <tr>
                    <td>{s.status}</td>
                    <td>{s.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </PublicLayout>
  );
}
