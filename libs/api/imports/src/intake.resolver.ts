import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ClaimType, ClaimsService } from '@corroborate/api-claims';
import { CapturesService } from '@corroborate/api-captures';
import {
  type Actor,
  ALL_ROLES,
  BadInputError,
  CurrentActor,
  Role,
  Roles,
} from '@corroborate/api-core';
import { extractCandidateClaims } from '@corroborate/domain';
import { DuplicatesService, type DuplicateMatch } from './duplicates.service';
import {
  ClaimCandidateType,
  DuplicateCandidateType,
  ExtractClaimsArgs,
  LikelyDuplicatesArgs,
  MAX_ARTICLE_CHARS,
  MAX_CANDIDATES,
  MergeClaimsInput,
} from './dto/intake.types';
import { ImportsService } from './imports.service';
import { MergeService } from './merge.service';

@Resolver()
export class IntakeResolver {
  constructor(
    private readonly duplicates: DuplicatesService,
    private readonly merges: MergeService,
    private readonly claims: ClaimsService,
    private readonly captures: CapturesService,
    private readonly imports: ImportsService,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => [DuplicateCandidateType], {
    description:
      'Claims of the project whose normalised text is similar to `text` (trigram similarity at least 0.5), most similar first.',
  })
  async likelyDuplicates(@Args() args: LikelyDuplicatesArgs): Promise<DuplicateCandidateType[]> {
    await this.imports.assertProject(args.projectId);
    const matches = await this.duplicates.find(
      null,
      args.projectId,
      args.text,
      args.excludeClaimId ?? null,
      args.first ?? 5,
    );
    return (await this.withClaims([matches]))[0] ?? [];
  }

  @Roles(Role.ADMIN, Role.EDITOR)
  @Query(() => [ClaimCandidateType], {
    description:
      "Candidate claims in an article (pasted text, or a capture's extracted text): sentences with an attribution or a figure, the claimant guessed, and likely duplicates of each in the project.",
  })
  async extractClaims(@Args() args: ExtractClaimsArgs): Promise<ClaimCandidateType[]> {
    const hasText = typeof args.text === 'string' && args.text.trim() !== '';
    const hasCapture = typeof args.captureId === 'string';
    if (hasText === hasCapture) {
      throw new BadInputError(
        'text',
        hasText
          ? 'Give either text or captureId, not both.'
          : 'Give the article text or a captureId.',
      );
    }
    await this.imports.assertProject(args.projectId);
    let text = args.text ?? '';
    if (hasCapture) {
      const capture = await this.captures.get(args.captureId as string);
      if (capture.extractedText === null)
        throw new BadInputError(
          'captureId',
          'This capture has no extracted text (only HTML and plain-text captures have).',
        );
      text = capture.extractedText.slice(0, MAX_ARTICLE_CHARS);
    }
    const candidates = extractCandidateClaims(text).slice(0, MAX_CANDIDATES);
    const matches: DuplicateMatch[][] = [];
    for (const c of candidates)
      matches.push(await this.duplicates.find(null, args.projectId, c.text));
    const resolved = await this.withClaims(matches);
    return candidates.map((c, i) => ({
      text: c.text,
      start: c.start,
      end: c.end,
      reasons: [...c.reasons],
      claimant: c.claimant,
      attribution: c.attribution,
      figures: c.figures.map((f) => f.text),
      duplicates: resolved[i],
    }));
  }

  @Roles(Role.ADMIN, Role.EDITOR)
  @Mutation(() => ClaimType, {
    description:
      'Merges a duplicate into a surviving claim of the same project: evidence (with captures and history) moves to the survivor, the duplicate becomes REJECTED with duplicateOf = the survivor. Refused for the same claim, claims of different projects, and VERIFIED or REJECTED claims.',
  })
  mergeClaims(
    @CurrentActor() actor: Actor,
    @Args('input') input: MergeClaimsInput,
  ): Promise<ClaimType> {
    return this.merges.merge(
      actor,
      input.survivorId,
      input.duplicateId,
      input.reason,
      input.expectedDuplicateVersion ?? null,
    );
  }

  /** The matched claims, loaded in one statement for all lists. */
  private async withClaims(lists: DuplicateMatch[][]): Promise<DuplicateCandidateType[][]> {
    const ids = [...new Set(lists.flat().map((m) => m.claimId))];
    const claims = new Map((await this.claims.getMany(ids)).map((c) => [c.id, c]));
    return lists.map((list) =>
      list.flatMap((m) => {
        const claim = claims.get(m.claimId);
        return claim ? [{ claim, score: m.score }] : [];
      }),
    );
  }
}
