// Keeps V8's fast path for string methods: see restoreFastStringPrototype.

/**
 * V8 turns `String.prototype` into a slow dictionary object as soon as a module makes it the
 * prototype of another object (ioredis does: `class VerbatimString extends String`). Every
 * `text.charCodeAt(i)` compiled after that looks the method up the slow way: the rule engine's
 * scan, SimHash and the HTML parser ran 2–6× slower in any process that loaded ioredis. A few
 * reads through a String object, once V8 keeps feedback for them, make the prototype fast again.
 *
 * Call it after the modules are loaded and before the work starts: code compiled while the
 * prototype was slow stays slow. A no-op when the prototype is already fast.
 */
export function restoreFastStringPrototype(): void {
  const probe = Object('');
  // V8 keeps feedback for a function only after a few calls: more than enough of them.
  for (let i = 0; i < 32; i++) readCharCodeAt(probe);
}

function readCharCodeAt(value: object): unknown {
  return (value as { charCodeAt?: unknown }).charCodeAt;
}
