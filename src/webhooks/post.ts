/**
 * One webhook request: POST the body with its headers to the endpoint, connecting only to
 * an address checked by `resolvePublic` in the request's own DNS lookup (no second lookup
 * to rebind), never following a redirect, within a timeout.
 */
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { resolvePublic, urlProblem, WebhookTargetError } from './address';

export interface PostResult {
  /** The receiver's HTTP status. */
  status: number;
}

/** The receiver's answer body is read up to this many bytes and ignored. */
const MAX_ANSWER_BYTES = 64 * 1024;

function checkedLookup(allowLocal: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolvePublic(hostname, allowLocal).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : undefined;
        const usable = wanted ? addresses.filter((a) => a.family === wanted) : addresses;
        if (usable.length === 0) {
          callback(new WebhookTargetError(`${hostname} has no IPv${wanted} address`), '', 0);
          return;
        }
        if (options.all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, usable);
        else callback(null, usable[0]?.address ?? '', usable[0]?.family ?? 4);
      },
      (error: Error) => callback(error, '', 0),
    );
  };
}

export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { allowLocal: boolean; timeoutMs: number },
): Promise<PostResult> {
  const problem = urlProblem(url, options.allowLocal);
  if (problem) return Promise.reject(new WebhookTargetError(`the endpoint URL ${problem}`));
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  // An address literal is connected to without a lookup: check it here.
  if (isIP(host)) {
    const refused = resolvePublic(host, options.allowLocal).then(() => undefined);
    return refused.then(() => send(target, headers, body, options));
  }
  return send(target, headers, body, options);
}

function send(
  target: URL,
  headers: Record<string, string>,
  body: string,
  options: { allowLocal: boolean; timeoutMs: number },
): Promise<PostResult> {
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const requestOptions: RequestOptions = {
    method: 'POST',
    headers: {
      ...headers,
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'user-agent': 'CPI-Lens-Webhooks/1',
    },
    lookup: checkedLookup(options.allowLocal),
    // A fresh connection per request: a pooled socket would skip the lookup that checks the address.
    agent: false,
  };
  return new Promise((resolve, reject) => {
    const req = request(target, requestOptions, (res) => {
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_ANSWER_BYTES) res.destroy();
      });
      res.on('close', () => resolve({ status: res.statusCode ?? 0 }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0 }));
    });
    const timer = setTimeout(
      () => req.destroy(new Error(`no answer within ${options.timeoutMs / 1000} s`)),
      options.timeoutMs,
    );
    req.on('close', () => clearTimeout(timer));
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(body);
  });
}
