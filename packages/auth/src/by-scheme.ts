// A strategy that holds several credentials, one per security scheme of the spec, and sends for each request
// only the one its operation accepts (the operation's security alternatives arrive from the generated method).
// DataGOL: `jwtBearer` on the IdP endpoints, `serviceToken` or `jwtBearer` on the noCo ones.
import { type AuthContext, type AuthStrategy, ConfigurationError, DEFAULT_RENEW_ON } from "@dataclients/core";
import { withSafeDescription } from "./inspect.js";

type Alternatives = readonly (readonly string[])[];

export interface BySchemeOptions {
  /**
   * The security alternatives of a request that carries none (a raw `api` call), from its URL. Default: each
   * credential on its own, in the order given, so the first one is sent.
   */
  securityFor?(url: URL): Alternatives;
  /** A short, secret-free name for messages and logs. Default "byScheme(<scheme names>)". */
  name?: string;
}

/**
 * `byScheme({ serviceToken: header("x-auth-token", t), jwtBearer: session })`: on each request, the first of the
 * operation's security alternatives whose schemes are all held is applied, and only that one, so a credential never
 * goes where its scheme does not apply. A rejected request (one of a member's `renewOn`) is renewed by the member
 * whose header it carried.
 */
export function byScheme(credentials: Record<string, AuthStrategy>, options: BySchemeOptions = {}): AuthStrategy {
  if (typeof credentials !== "object" || credentials === null || Object.keys(credentials).length === 0) {
    throw new ConfigurationError("byScheme(credentials): pass at least one { schemeName: strategy }");
  }
  for (const [scheme, strategy] of Object.entries(credentials)) {
    if (typeof strategy?.authenticate !== "function") {
      throw new ConfigurationError(`byScheme(credentials): "${scheme}" must be a strategy such as bearer(token)`);
    }
  }
  const schemes = Object.keys(credentials);
  const members = Object.values(credentials);
  const name = options.name ?? `byScheme(${schemes.join(", ")})`;
  const renewOnOf = (member: AuthStrategy) => member.renewOn ?? DEFAULT_RENEW_ON;

  function alternativesFor(context: AuthContext): Alternatives {
    return context.security ?? options.securityFor?.(context.url) ?? schemes.map((scheme) => [scheme]);
  }

  const strategy: AuthStrategy = {
    kind: name,
    headerNames: [...new Set(members.flatMap((member) => member.headerNames.map((h) => h.toLowerCase())))],
    schemes,
    renewOn: [...new Set(members.flatMap(renewOnOf))],
    async authenticate(headers, context) {
      const alternatives = alternativesFor(context);
      const chosen = alternatives.find((alt) => alt.length > 0 && alt.every((scheme) => scheme in credentials));
      if (!chosen) {
        // An operation that also works anonymously ({} among its alternatives) goes without a credential.
        if (alternatives.some((alt) => alt.length === 0)) return;
        const needed = alternatives.map((alt) => alt.join(" + ")).join(" or ");
        throw new ConfigurationError(
          `${name}: ${context.url.pathname} needs ${needed}, and this strategy holds only ${schemes.join(", ")}; no credential was sent`,
        );
      }
      for (const scheme of chosen) {
        await (credentials[scheme] as AuthStrategy).authenticate(headers, { ...context, security: [[scheme]] });
      }
    },
    async onUnauthorized(context) {
      let renewed = false;
      // Only the credentials this request carried are renewed (one after the other: each is single-flight).
      for (const member of members) {
        const sent = member.headerNames.some((header) => context.sentHeaders.get(header) !== null);
        const applies = context.status === undefined || renewOnOf(member).includes(context.status);
        if (sent && applies && member.onUnauthorized && (await member.onUnauthorized(context))) renewed = true;
      }
      return renewed;
    },
    secretValues: () => members.flatMap((member) => member.secretValues?.() ?? []),
  };
  return withSafeDescription(strategy, `[AuthStrategy ${name}]`);
}
