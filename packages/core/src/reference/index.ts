/**
 * The shipped reference content of Jauge ("Socle numérique de l'agent public"): framework,
 * item bank, training catalogue, target profiles and recommendation rules, already validated.
 *
 * @packageDocumentation
 */
/** Identifier of the shipped reference framework. */
export const referenceFrameworkId = 'socle-numerique-agent-public';
