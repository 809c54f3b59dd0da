// The browsable API: Swagger UI (served from the swagger-ui WebJar) on this server's OpenAPI description.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    tryItOutEnabled: true,
    defaultModelsExpandDepth: 0
  });
};
