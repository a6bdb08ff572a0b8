import { Injectable } from '@nestjs/common';
import { type LoaderRegistry, type Selection } from '@corroborate/api-core';
import { type ClaimEntity } from './claim.entity';

/**
 * Loads, for a page of claims, what some selected Claim fields will ask their loaders for: the same
 * loaders and statements the field's resolver uses, only started before graphql-js reaches the
 * field, so the resolvers find the values loaded and answer without a promise. It must not
 * decide anything: what the caller may see is still decided by the field resolvers.
 */
export type ClaimPreloader = (
  claims: readonly ClaimEntity[],
  /** What the request selects on each claim (`edges.node`). */
  node: Selection,
  loaders: LoaderRegistry,
) => Promise<unknown>;

/**
 * The look-ahead of the claim queue. Areas that add fields to Claim (evidence, reviews) register
 * a {@link ClaimPreloader} for them; the `claims` query runs those its selection asks for.
 */
@Injectable()
export class ClaimPreloads {
  private readonly preloaders: { fields: readonly string[]; preloader: ClaimPreloader }[] = [];

  /** `preloader` runs (once) when the request selects any of `fields` on the page's claims. */
  register(fields: readonly string[], preloader: ClaimPreloader): void {
    this.preloaders.push({ fields, preloader });
  }

  /**
   * Runs the preloaders of the selected Claim fields for `claims`. A failing preload is dropped:
   * the field's resolver then loads by itself and reports the error where it always did.
   */
  async preload(
    claims: readonly ClaimEntity[],
    node: Selection,
    loaders: LoaderRegistry,
  ): Promise<void> {
    if (claims.length === 0) return;
    const runs: Promise<unknown>[] = [];
    for (const { fields, preloader } of this.preloaders)
      if (fields.some((field) => node.has(field)))
        runs.push(preloader(claims, node, loaders).catch(() => undefined));
    await Promise.all(runs);
  }
}
