// The OpenAPI page: Swagger UI from the committed swagger-ui-dist bundle, no CDN, no validator.
window.addEventListener("DOMContentLoaded", () => {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", validatorUrl: null, deepLinking: true });
});
