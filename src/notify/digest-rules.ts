// Which rules a digest covers: those naming it in their `digests`, those its own `rules` lists, else every rule.

export interface DigestRuleSource {
  id: string;
  name?: string | undefined;
  regions?: readonly string[] | undefined;
  digests?: readonly string[] | undefined;
}

/**
 * The rules of digest `digestId`, in config order. A rule belongs to a digest when its `digests`
 * names it (SPEC §2) or the digest's own `rules` lists it. A digest that no rule names and that
 * lists no rules covers every rule, as notify.yaml's schema says: a digest set up without touching
 * rules.yaml is not silently empty.
 */
export function digestRules<R extends DigestRuleSource>(
  rules: readonly R[],
  digestId: string,
  listed?: readonly string[] | undefined,
): R[] {
  const chosen = rules.filter(
    (rule) => rule.digests?.includes(digestId) || listed?.includes(rule.id),
  );
  return chosen.length > 0 || listed !== undefined ? chosen : [...rules];
}
