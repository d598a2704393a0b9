/**
 * Validates responses against the public API's OpenAPI 3.1 document with Ajv's JSON Schema
 * 2020-12 dialect (the dialect OpenAPI 3.1 schemas are written in) and ajv-formats (date-time,
 * date). The whole document is registered once, so `$ref: "#/components/schemas/…"` resolves as
 * in the document itself.
 */
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { buildOpenApiDocument } from "@/lib/domains/public-api/openapi";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function openApiValidator() {
  const doc = JSON.parse(JSON.stringify(buildOpenApiDocument("https://chorus.test"))) as Json;
  // OpenAPI adds keywords of its own (example, discriminator…): not JSON Schema errors.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, "openapi.json");

  /** Problems of `body` against the documented response of `method path` with `status`. */
  function problems(method: string, path: string, status: number, body: unknown): string[] {
    const operation = doc.paths[path]?.[method.toLowerCase()];
    if (!operation) return [`${method} ${path} is not documented`];
    const response = operation.responses[String(status)];
    if (!response) return [`${method} ${path} does not document status ${status}`];
    const schema = response.content?.["application/json"]?.schema;
    if (!schema?.$ref) return [`${method} ${path} ${status} has no JSON schema`];
    const validate = ajv.getSchema(`openapi.json${schema.$ref}`);
    if (!validate) return [`cannot resolve ${schema.$ref}`];
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
  }
  return { doc, problems };
}
