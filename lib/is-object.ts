/** A plain JSON object: not null, not an array. Shared by the readers of config and editor files. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
