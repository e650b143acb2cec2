/**
 * The type a field's name says where no value object gives one (TRIAL10 X4): a count (`revokedCount`, `count`) is a
 * whole number, and a field named as a yes/no (`isDefault`, `hasMore`) a boolean. Any other name stays the answers'
 * to type (a string in code, "say the type" in the contract).
 */
export function namedPrimitiveOf(camel: string): "number" | "boolean" | undefined {
  if (/^count$|[a-z]Count$/.test(camel)) return "number";
  if (/^(?:is|has)[A-Z]/.test(camel)) return "boolean";
  return undefined;
}
