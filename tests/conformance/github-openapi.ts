/**
 * GitHub's own OpenAPI description (@octokit/openapi, generated/api.github.com.json and
 * ghes-3.17.json): the examples each operation's success answer references, and variants of their
 * items that the schema allows (each optional field left out, each nullable field set to null).
 * A description is read and parsed once per file (they are 11–13 MB).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

interface SchemaObject {
  $ref?: string
  type?: string
  nullable?: boolean
  required?: string[]
  properties?: Record<string, SchemaObject>
  items?: SchemaObject
  anyOf?: SchemaObject[]
  oneOf?: SchemaObject[]
  allOf?: SchemaObject[]
}

interface MediaType {
  schema?: SchemaObject
  examples?: Record<string, { $ref?: string; value?: unknown }>
}

interface Description {
  paths: Record<
    string,
    Record<
      string,
      { responses: Record<string, { $ref?: string; content?: Record<string, MediaType> }> }
    >
  >
  components: {
    schemas: Record<string, SchemaObject>
    examples: Record<string, { value: unknown }>
    responses: Record<string, { content?: Record<string, MediaType> }>
  }
}

export type DescriptionFile = 'api.github.com.json' | 'ghes-3.17.json'

const loaded = new Map<DescriptionFile, Description>()

function description(file: DescriptionFile): Description {
  let spec = loaded.get(file)
  if (!spec) {
    const path = fileURLToPath(
      new URL(`../../node_modules/@octokit/openapi/generated/${file}`, import.meta.url),
    )
    spec = JSON.parse(readFileSync(path, 'utf8')) as Description
    loaded.set(file, spec)
  }
  return spec
}

function lastSegment(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1)
}

export interface OperationExamples {
  /** The 2xx response's JSON schema. */
  schema: SchemaObject
  examples: { name: string; value: unknown }[]
}

/** The examples of an operation's success answer, e.g. ('get', '/user/repos'). */
export function examplesOf(file: DescriptionFile, method: string, path: string): OperationExamples {
  const spec = description(file)
  const operation = spec.paths[path]?.[method]
  if (!operation) throw new Error(`${file} has no ${method.toUpperCase()} ${path}`)
  for (const [status, answer] of Object.entries(operation.responses)) {
    if (!/^2\d\d$/.test(status)) continue
    const resolved = answer.$ref ? spec.components.responses[lastSegment(answer.$ref)] : answer
    const media = resolved?.content?.['application/json']
    if (!media?.schema || !media.examples) continue
    const examples = Object.entries(media.examples).map(([name, example]) => ({
      name: example.$ref ? lastSegment(example.$ref) : name,
      value: example.$ref
        ? spec.components.examples[lastSegment(example.$ref)]?.value
        : example.value,
    }))
    return { schema: media.schema, examples }
  }
  throw new Error(`${file} has no JSON example for ${method.toUpperCase()} ${path}`)
}

/** A schema with its `$ref`s followed (and `allOf` merged, which GitHub uses sparingly). */
export function resolve(file: DescriptionFile, schema: SchemaObject | undefined): SchemaObject {
  const spec = description(file)
  let current = schema ?? {}
  while (current.$ref) current = spec.components.schemas[lastSegment(current.$ref)] ?? {}
  if (current.allOf) {
    const parts = current.allOf.map((part) => resolve(file, part))
    return {
      ...current,
      properties: parts.reduce<Record<string, SchemaObject>>(
        (all, part) => ({ ...all, ...part.properties }),
        {},
      ),
      required: parts.flatMap((part) => part.required ?? []),
    }
  }
  return current
}

function isNullable(file: DescriptionFile, schema: SchemaObject): boolean {
  if (schema.nullable) return true
  return resolve(file, schema).nullable === true
}

/**
 * For a `oneOf`/`anyOf` (GET /user answers `private-user` or `public-user`), the branch whose
 * required properties the item has most of.
 */
function branchFor(file: DescriptionFile, schema: SchemaObject, item: Row): SchemaObject {
  const branches = schema.oneOf ?? schema.anyOf
  if (!branches) return schema
  const score = (branch: SchemaObject) =>
    (branch.required ?? []).filter((name) => name in item).length -
    Object.keys(item).filter((name) => !(name in (branch.properties ?? {}))).length
  const ranked = branches
    .map((branch) => resolve(file, branch))
    .filter((branch) => branch.properties)
    .sort((a, b) => score(b) - score(a))
  return ranked[0] ?? schema
}

type Row = Record<string, unknown>

function isRecord(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Every variant of `item` the schema allows by one change: an optional property left out, or a
 * nullable one set to null, down to `depth` levels of nested objects. Each variant is labelled
 * with the change it made (`without owner.login`, `owner = null`), so a failure names the field.
 */
export function allowedVariants(
  file: DescriptionFile,
  schema: SchemaObject,
  item: unknown,
  depth = 2,
  prefix = '',
): { change: string; value: unknown }[] {
  if (!isRecord(item)) return []
  const resolved = branchFor(file, resolve(file, schema), item)
  if (!resolved.properties) return []
  const variants: { change: string; value: unknown }[] = []
  for (const [name, property] of Object.entries(resolved.properties)) {
    if (!(name in item)) continue
    const path = `${prefix}${name}`
    if (!resolved.required?.includes(name)) {
      const rest = Object.fromEntries(Object.entries(item).filter(([key]) => key !== name))
      variants.push({ change: `without ${path}`, value: rest })
    }
    if (isNullable(file, property) && item[name] !== null) {
      variants.push({ change: `${path} = null`, value: { ...item, [name]: null } })
    }
    if (depth > 1 && isRecord(item[name])) {
      for (const inner of allowedVariants(file, property, item[name], depth - 1, `${path}.`)) {
        variants.push({ change: inner.change, value: { ...item, [name]: inner.value } })
      }
    }
  }
  return variants
}
