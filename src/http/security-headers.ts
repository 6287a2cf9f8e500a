// The security headers of every answer (@fastify/helmet): what the browser may load and
// run for the web application and the API's documentation page, that no other site may
// frame them, that no type is sniffed and no referrer leaves.

import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * `https`: the server is reached over HTTPS (SECURE_COOKIES=1), so browsers may be told to
 * keep to it. Over plain HTTP on an office network those two headers would break the
 * application (every subresource upgraded to an https:// nobody serves), so they are off.
 */
export function securityHeaders(options: { https: boolean }): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        // Vite inlines small fonts and images as data: URLs; Swagger UI draws icons so.
        fontSrc: ["'self'", 'data:'],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        // Scripts only from our own files: the web bundle and Swagger UI's are files,
        // neither has an inline script.
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // Styles may be inline: Ant Design writes its CSS-in-JS into <style> elements at
        // run time, and Swagger UI sets style attributes. A nonce would need index.html
        // rendered per answer (it is a static file) and handed to antd's ConfigProvider;
        // inline style cannot run code, and scripts stay strictly 'self'.
        styleSrc: ["'self'", "'unsafe-inline'"],
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000 } : false,
  };
}
