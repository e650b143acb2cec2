/**
 * The type a field's name says where no value object gives one (TRIAL10 X4): a count (`revokedCount`, `count`) is a
 * whole number, and a field named as a yes/no (`isDefault`, `hasMore`, `canEdit`) a boolean, as is one that says
 * whether the caller did something to the record (`likedByMe`, `bookmarkedByMe`, `followedByMe`: fix16a). Any other name
 * stays the answers' to type (a string in code, "say the type" in the contract).
 */
export function namedPrimitiveOf(camel: string): "number" | "boolean" | undefined {
  if (/^count$|[a-z]Count$/.test(camel)) return "number";
  if (/^(?:is|has|can)[A-Z]|[a-z]ByMe$/.test(camel)) return "boolean";
  return undefined;
}
