/**
 * Lets the event loop run: on a database file every statement runs synchronously on the
 * main thread, and an `await` on a settled promise does not let other requests in, so a
 * long loop of statements (an import's publish) must step aside between its chunks or
 * /healthz and every other request wait for the whole of it.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
