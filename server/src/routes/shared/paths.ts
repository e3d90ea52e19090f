/** A collection answers with and without the trailing slash: `/tenants/` (FastAPI's form) and `/tenants`. */
export function collection(path: string): string[] {
  return [path, `${path}/`];
}
