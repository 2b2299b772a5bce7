/** /api/reference: the API reference page, rendered from the OpenAPI document on our own origin. Public, like the document. */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { renderHtml } from '../../lib/render';
import { ApiReferencePage } from '../../../views/pages/api-reference';
import { openApiDocument, referenceOperations } from './openapi/document';

export function apiReferenceRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const operations = referenceOperations(openApiDocument({ baseUrl: deps.config.baseUrl }));
  app.get('/', (c) => renderHtml(c, <ApiReferencePage baseUrl={deps.config.baseUrl} operations={operations} />));
  return app;
}
