import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, ALL_ROLES, CurrentActor, Role, Roles } from '@corroborate/api-core';
import { UpdateOrganisationInput } from './dto/organisation.inputs';
import { OrganisationType } from './dto/organisation.type';
import { OrganisationService } from './organisation.service';

@Resolver(() => OrganisationType)
export class OrganisationResolver {
  constructor(private readonly service: OrganisationService) {}

  @Roles(...ALL_ROLES)
  @Query(() => OrganisationType, { description: 'The organisation settings used in exports.' })
  organisation(): Promise<OrganisationType> {
    return this.service.get();
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OrganisationType, {
    description: 'Admins: set the organisation name, URL, logo URL and licence used in exports.',
  })
  updateOrganisation(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateOrganisationInput,
  ): Promise<OrganisationType> {
    return this.service.update(actor, input);
  }
}
