import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/domains/public-api/openapi";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("OpenAPI document", () => {
  const doc = JSON.parse(
    JSON.stringify(buildOpenApiDocument("https://chorus.example.com")),
  ) as Json;

  it("is OpenAPI 3.1 with the server and the key security schemes", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "https://chorus.example.com" }]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
    expect(doc.components.securitySchemes.apiKeyHeader).toMatchObject({
      in: "header",
      name: "X-Api-Key",
    });
  });

  it("describes POST /api/v1/conversions with every error response", () => {
    const post = doc.paths["/api/v1/conversions"].post;
    expect(post.requestBody.content["application/json"].schema.$ref).toBe(
      "#/components/schemas/ConversionRequest",
    );
    for (const status of ["200", "201", "400", "401", "403", "404", "409", "413", "422", "429"]) {
      expect(post.responses[status], status).toBeDefined();
    }
    expect(post.responses["429"].headers["Retry-After"]).toBeDefined();
    expect(post.parameters.map((p: Json) => p.name)).toContain("Idempotency-Key");
  });

  it("generates the request schema from the zod schema the route validates with", () => {
    const schema = doc.components.schemas.ConversionRequest;
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(["outcome"]);
    expect(schema.properties.outcome.enum).toEqual([
      "visit",
      "signup",
      "application",
      "hire",
      "lead",
      "opportunity",
      "deal",
    ]);
    expect(schema.properties.value).toMatchObject({ type: "number", minimum: 0 });
    expect(schema.properties.occurredAt.format).toBe("date-time");
    expect(schema.oneOf).toEqual([{ required: ["clickId"] }, { required: ["shareCode"] }]);
    const response = doc.components.schemas.Conversion;
    expect(Object.keys(response.properties).sort()).toEqual(
      [
        "attributed",
        "clickId",
        "currency",
        "id",
        "occurredAt",
        "outcome",
        "shareCode",
        "value",
      ].sort(),
    );
  });

  it("has examples that satisfy the request schema's enum", () => {
    const examples =
      doc.paths["/api/v1/conversions"].post.requestBody.content["application/json"].examples;
    for (const example of Object.values(examples) as Json[]) {
      expect(doc.components.schemas.ConversionRequest.properties.outcome.enum).toContain(
        example.value.outcome,
      );
    }
  });
});
