// Starts Swagger UI on the node's own OpenAPI document (a file, not inline: the CSP forbids inline script).
/* global window */
window.addEventListener('load', () => {
  window.ui = window.SwaggerUIBundle({
    url: './openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    // No call to the public validator service: nothing leaves for the internet.
    validatorUrl: null,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
