// The application's routes as the fuzzer sees them: read from its own OpenAPI document
// (GET /api/v1/openapi.json), so a route added tomorrow is fuzzed without a change here.
// Two bodies the document cannot describe are named below: the determination input
// (checked by the contract's own rules, docs/spec/determination.md) and an evidence
// file (the body is the file itself).

import { EVIDENCE_CONTENT_TYPES } from '../../src/domain/case/evidence.ts';

/** The part of JSON Schema (OpenAPI 3.0 flavour) the application's document uses. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly nullable?: boolean;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
}

export type ParamLocation = 'path' | 'query' | 'header';

export interface Param {
  readonly name: string;
  readonly in: ParamLocation;
  readonly required: boolean;
  readonly schema: JsonSchema;
}

export type BodySpec =
  /** A JSON body. `strict`: the schema is the document's, so what it refuses must be refused. */
  | { readonly kind: 'json'; readonly schema: JsonSchema; readonly strict: boolean }
  /** A file sent as it is, in one of these content types. */
  | { readonly kind: 'file'; readonly mediaTypes: readonly string[] };

export interface Operation {
  /** "POST /api/v1/cases/{id}/evidence": how reports name the route. */
  readonly key: string;
  readonly method: string;
  /** The path template with {name} parameters. */
  readonly path: string;
  readonly params: readonly Param[];
  readonly body: BodySpec | null;
}

/**
 * The determination input of docs/spec/determination.md ("Input, CLI and HTTP"): the
 * route declares no schema because the contract checks the body with its own codes.
 * Unknown top-level keys are ignored by the contract, so it is not strict.
 */
const EVALUATE_INPUT: JsonSchema = {
  type: 'object',
  required: ['policy', 'facts'],
  properties: {
    policy: { type: 'string' },
    asOf: { type: 'string', format: 'date', nullable: true },
    facts: { type: 'object', additionalProperties: { type: 'boolean', nullable: true } },
  },
};

/** Bodies the document leaves undescribed, by route. */
const UNDESCRIBED_BODIES: Readonly<Record<string, BodySpec>> = {
  'POST /api/v1/evaluate': { kind: 'json', schema: EVALUATE_INPUT, strict: false },
  'POST /api/v1/cases/{id}/evidence': { kind: 'file', mediaTypes: EVIDENCE_CONTENT_TYPES },
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface OpenApiOperation {
  readonly parameters?: readonly {
    name: string;
    in: string;
    required?: boolean;
    schema?: JsonSchema;
  }[];
  readonly requestBody?: { readonly content?: Readonly<Record<string, { schema?: JsonSchema }>> };
}

interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>>;
}

/** Every documented operation of the document, in its order. */
export function operationsOf(document: unknown): Operation[] {
  const doc = document as OpenApiDocument;
  if (!doc || typeof doc.paths !== 'object') throw new Error('not an OpenAPI document');
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const key = `${method.toUpperCase()} ${path}`;
      const params: Param[] = (op.parameters ?? [])
        .filter((p) => p.in === 'path' || p.in === 'query' || p.in === 'header')
        .map((p) => ({
          name: p.name,
          in: p.in as ParamLocation,
          required: p.in === 'path' || p.required === true,
          schema: p.schema ?? {},
        }));
      operations.push({
        key,
        method: method.toUpperCase(),
        path,
        params,
        body: bodyOf(key, op),
      });
    }
  }
  return operations;
}

function bodyOf(key: string, op: OpenApiOperation): BodySpec | null {
  const content = op.requestBody?.content ?? {};
  const json = content['application/json'];
  const described = json?.schema && Object.keys(json.schema).length > 0 ? json.schema : undefined;
  if (described) return { kind: 'json', schema: described, strict: true };
  const undescribed = UNDESCRIBED_BODIES[key];
  if (undescribed) return undescribed;
  const others = Object.keys(content).filter((t) => t !== 'application/json');
  if (others.length > 0) return { kind: 'file', mediaTypes: others };
  if (json) return { kind: 'json', schema: {}, strict: false };
  return null;
}

/** The schema's types, `null` included when it is nullable. */
export function typesOf(schema: JsonSchema): string[] {
  const declared =
    schema.type === undefined ? [] : Array.isArray(schema.type) ? [...schema.type] : [schema.type];
  if (schema.nullable) declared.push('null');
  if (declared.length === 0 && schema.enum) {
    for (const v of schema.enum) declared.push(v === null ? 'null' : typeof v);
  }
  return declared;
}
