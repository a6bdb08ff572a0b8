import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ClaimsService, userLoader } from '@corroborate/api-claims';
import {
  type Actor,
  CurrentActor,
  LoaderRegistry,
  Loaders,
  Role,
  Roles,
} from '@corroborate/api-core';
import {
  AnchorStatus,
  anchorStatusOf,
  type EvidenceEntity,
  EvidenceType,
} from '@corroborate/api-evidence';
import { UserType } from '@corroborate/api-users';
import { type CaptureEntity } from './capture.entity';
import { downloadUrlOf } from './captures.controller';
import { capturesByEvidenceLoader } from './captures.loaders';
import { CapturesService } from './captures.service';
import { CaptureType, CaptureUrlInput } from './dto/capture.type';

export const TEXT_PREVIEW_LENGTH = 2000;

@Resolver(() => CaptureType)
export class CapturesResolver {
  constructor(
    private readonly service: CapturesService,
    private readonly claims: ClaimsService,
  ) {}

  @Roles(Role.ADMIN, Role.EDITOR, Role.REVIEWER)
  @Mutation(() => CaptureType, {
    description:
      "Fetches the URL (default: the evidence URL) server-side and keeps it as the evidence item's next capture. Private and local addresses are refused unless an operator allows them.",
  })
  async captureUrl(
    @CurrentActor() actor: Actor,
    @Loaders() registry: LoaderRegistry,
    @Args('input') input: CaptureUrlInput,
  ): Promise<CaptureType> {
    const capture = await this.service.captureUrl(actor, input.evidenceId, input.url ?? null);
    registry.clear();
    return capture;
  }

  @ResolveField(() => UserType, { nullable: true })
  async capturedBy(
    @Parent() capture: CaptureEntity,
    @Loaders() registry: LoaderRegistry,
  ): Promise<UserType | null> {
    if (!capture.capturedById) return null;
    return userLoader(registry, this.claims).load(capture.capturedById);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether text could be extracted (HTML and plain text at least).',
  })
  hasText(@Parent() capture: CaptureEntity): boolean {
    return capture.extractedText !== null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The first 2,000 characters of the extracted text.',
  })
  textPreview(@Parent() capture: CaptureEntity): string | null {
    return capture.extractedText === null
      ? null
      : capture.extractedText.slice(0, TEXT_PREVIEW_LENGTH);
  }

  @ResolveField(() => String, {
    description: 'Relative URL that downloads the stored bytes (authenticated).',
  })
  downloadUrl(@Parent() capture: CaptureEntity): string {
    return downloadUrlOf(capture.id);
  }
}

/** The capture side of an evidence item: its captures and whether its anchor is found in the latest. */
@Resolver(() => EvidenceType)
export class EvidenceCapturesResolver {
  constructor(private readonly service: CapturesService) {}

  @ResolveField(() => [CaptureType], { description: 'All captures, newest version first.' })
  captures(
    @Parent() item: EvidenceEntity,
    @Loaders() registry: LoaderRegistry,
  ): Promise<CaptureType[]> {
    return capturesByEvidenceLoader(registry, this.service).load(item.id);
  }

  @ResolveField(() => CaptureType, { nullable: true })
  async latestCapture(
    @Parent() item: EvidenceEntity,
    @Loaders() registry: LoaderRegistry,
  ): Promise<CaptureType | null> {
    const captures = await capturesByEvidenceLoader(registry, this.service).load(item.id);
    return captures[0] ?? null;
  }

  @ResolveField(() => AnchorStatus, {
    description:
      "Whether the anchor's exact text (with its prefix/suffix) is found in the latest capture's text.",
  })
  async anchorStatus(
    @Parent() item: EvidenceEntity,
    @Loaders() registry: LoaderRegistry,
  ): Promise<AnchorStatus> {
    const quote = { prefix: item.anchorPrefix, exact: item.anchorExact, suffix: item.anchorSuffix };
    if (!quote.exact) return 'NO_ANCHOR';
    const captures = await capturesByEvidenceLoader(registry, this.service).load(item.id);
    return anchorStatusOf(quote, captures[0] ?? null);
  }
}
