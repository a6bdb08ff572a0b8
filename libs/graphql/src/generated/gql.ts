/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Activity($filter: ActivityFilter, $first: Int, $after: String) {\n    activity(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          action\n          entityType\n          entityId\n          reason\n          actor {\n            id\n            displayName\n          }\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ActivityDocument,
    "\n  query Organisation {\n    organisation {\n      name\n      url\n      logoUrl\n      license\n      version\n      updatedAt\n    }\n  }\n": typeof types.OrganisationDocument,
    "\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      name\n      url\n      logoUrl\n      license\n      version\n      updatedAt\n    }\n  }\n": typeof types.UpdateOrganisationDocument,
    "\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    role\n    active\n    lastSignInAt\n    createdAt\n  }\n": typeof types.UserFieldsFragmentDoc,
    "\n  query Users {\n    users {\n      ...UserFields\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUserRole($input: UpdateUserRoleInput!) {\n    updateUserRole(input: $input) {\n      ...UserFields\n    }\n  }\n": typeof types.UpdateUserRoleDocument,
    "\n  mutation DeactivateUser($userId: ID!) {\n    deactivateUser(userId: $userId) {\n      ...UserFields\n    }\n  }\n": typeof types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($userId: ID!) {\n    reactivateUser(userId: $userId) {\n      ...UserFields\n    }\n  }\n": typeof types.ReactivateUserDocument,
    "\n  mutation ResetUserPassword($input: ResetUserPasswordInput!) {\n    resetUserPassword(input: $input) {\n      ...UserFields\n    }\n  }\n": typeof types.ResetUserPasswordDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    createdAt\n    expiresAt\n    lastUsedAt\n  }\n": typeof types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  fragment CurrentUserFields on User {\n    id\n    email\n    displayName\n    role\n    active\n  }\n": typeof types.CurrentUserFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...CurrentUserFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        ...CurrentUserFields\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  mutation ChangeMyPassword($input: ChangeMyPasswordInput!) {\n    changeMyPassword(input: $input)\n  }\n": typeof types.ChangeMyPasswordDocument,
    "\n  subscription ClaimActivity($claimId: ID!) {\n    claimActivity(claimId: $claimId) {\n      claimId\n      action\n      actorId\n      actorName\n      summary\n      fields\n      at\n    }\n  }\n": typeof types.ClaimActivityDocument,
    "\n  fragment ClaimHeaderFields on Claim {\n    id\n    text\n    claimant\n    firstAppearanceUrl\n    firstAppearedAt\n    topics\n    priority\n    dueAt\n    status\n    allowedTransitions\n    rejectionReason\n    duplicateOf {\n      id\n      text\n    }\n    version\n    createdAt\n    updatedAt\n    evidenceCount\n    createdBy {\n      id\n      displayName\n    }\n    project {\n      id\n      name\n    }\n  }\n": typeof types.ClaimHeaderFieldsFragmentDoc,
    "\n  fragment CaptureFields on Capture {\n    id\n    evidenceId\n    version\n    method\n    url\n    fileName\n    mediaType\n    byteSize\n    sha256\n    capturedAt\n    capturedBy {\n      id\n      displayName\n    }\n    hasText\n    downloadUrl\n  }\n": typeof types.CaptureFieldsFragmentDoc,
    "\n  fragment EvidenceFields on Evidence {\n    id\n    url\n    title\n    excerpt\n    publishedAt\n    retrievedAt\n    archiveUrl\n    stance\n    credibility\n    grade\n    note\n    source {\n      id\n      name\n      kind\n      reliability\n    }\n    derivedFrom {\n      id\n      title\n      url\n      source {\n        id\n        name\n      }\n    }\n    quantity {\n      min\n      max\n      unit\n      asOf\n    }\n    anchor {\n      prefix\n      exact\n      suffix\n    }\n    anchorStatus\n    retracted\n    retractionReason\n    addedBy {\n      id\n      displayName\n    }\n    version\n    createdAt\n    updatedAt\n    captures {\n      ...CaptureFields\n    }\n  }\n": typeof types.EvidenceFieldsFragmentDoc,
    "\n  fragment ChainEvidenceFields on Evidence {\n    id\n    title\n    url\n    grade\n    stance\n    source {\n      id\n      name\n    }\n  }\n": typeof types.ChainEvidenceFieldsFragmentDoc,
    "\n  fragment CorroborationSideFields on CorroborationSide {\n    stance\n    chainCount\n    rootSourceCount\n    bestGrade\n    explanation\n    chains {\n      bestGrade\n      circular\n      externalOriginId\n      root {\n        ...ChainEvidenceFields\n      }\n      members {\n        ...ChainEvidenceFields\n      }\n    }\n  }\n": typeof types.CorroborationSideFieldsFragmentDoc,
    "\n  fragment CorroborationFields on Corroboration {\n    supporting {\n      ...CorroborationSideFields\n    }\n    refuting {\n      ...CorroborationSideFields\n    }\n    mixed {\n      ...CorroborationSideFields\n    }\n    context {\n      ...CorroborationSideFields\n    }\n    warnings {\n      code\n      message\n      evidenceIds\n      stance\n    }\n    collapsed {\n      evidenceId\n      rootId\n      path\n    }\n    excludedEvidenceIds\n    notes\n    quantitySpreads {\n      unit\n      min\n      max\n      evidenceIds\n      explanation\n    }\n    quantityConflicts {\n      unit\n      explanation\n      a {\n        ...ChainEvidenceFields\n      }\n      b {\n        ...ChainEvidenceFields\n      }\n    }\n  }\n": typeof types.CorroborationFieldsFragmentDoc,
    "\n  query Claim($id: ID!) {\n    claim(id: $id) {\n      ...ClaimHeaderFields\n      evidence(includeRetracted: true) {\n        ...EvidenceFields\n      }\n      corroboration {\n        ...CorroborationFields\n      }\n      history {\n        ...AuditEventFields\n      }\n      assignments {\n        ...AssignmentFields\n      }\n      myAssessment {\n        ...AssessmentFields\n      }\n      myCorrectionDraft {\n        ...AssessmentFields\n      }\n      assessments {\n        ...AssessmentFields\n      }\n      disagreement {\n        flagged\n        reasons {\n          code\n          message\n          assessmentIds\n        }\n      }\n      adjudication {\n        ...AdjudicationFields\n      }\n      comments {\n        ...CommentFields\n      }\n    }\n  }\n": typeof types.ClaimDocument,
    "\n  mutation UpdateClaim($input: UpdateClaimInput!) {\n    updateClaim(input: $input) {\n      ...ClaimHeaderFields\n    }\n  }\n": typeof types.UpdateClaimDocument,
    "\n  mutation RejectClaim($input: RejectClaimInput!) {\n    rejectClaim(input: $input) {\n      ...ClaimHeaderFields\n    }\n  }\n": typeof types.RejectClaimDocument,
    "\n  query SourceOptions($search: String, $first: Int) {\n    sources(search: $search, first: $first) {\n      edges {\n        node {\n          id\n          name\n          kind\n          reliability\n        }\n      }\n      totalCount\n    }\n  }\n": typeof types.SourceOptionsDocument,
    "\n  mutation AddEvidence($input: AddEvidenceInput!) {\n    addEvidence(input: $input) {\n      ...EvidenceFields\n    }\n  }\n": typeof types.AddEvidenceDocument,
    "\n  mutation UpdateEvidence($input: UpdateEvidenceInput!) {\n    updateEvidence(input: $input) {\n      ...EvidenceFields\n    }\n  }\n": typeof types.UpdateEvidenceDocument,
    "\n  mutation RetractEvidence($input: RetractEvidenceInput!) {\n    retractEvidence(input: $input) {\n      ...EvidenceFields\n    }\n  }\n": typeof types.RetractEvidenceDocument,
    "\n  mutation CaptureUrl($input: CaptureUrlInput!) {\n    captureUrl(input: $input) {\n      ...CaptureFields\n    }\n  }\n": typeof types.CaptureUrlDocument,
    "\n  fragment CommentFields on Comment {\n    id\n    parentId\n    body\n    createdAt\n    editedAt\n    editableUntil\n    canEdit\n    author {\n      id\n      displayName\n    }\n    mentions {\n      id\n      displayName\n    }\n  }\n": typeof types.CommentFieldsFragmentDoc,
    "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...CommentFields\n    }\n  }\n": typeof types.AddCommentDocument,
    "\n  mutation EditComment($input: EditCommentInput!) {\n    editComment(input: $input) {\n      ...CommentFields\n    }\n  }\n": typeof types.EditCommentDocument,
    "\n  query MentionableUsers {\n    mentionableUsers {\n      id\n      displayName\n      email\n    }\n  }\n": typeof types.MentionableUsersDocument,
    "\n  fragment AssessmentFields on Assessment {\n    id\n    status\n    verdict\n    likelihood\n    confidence\n    rationale\n    correctionReason\n    submittedAt\n    updatedAt\n    reviewer {\n      id\n      displayName\n    }\n    evidence {\n      id\n      title\n      url\n    }\n  }\n": typeof types.AssessmentFieldsFragmentDoc,
    "\n  fragment AssignmentFields on Assignment {\n    id\n    status\n    dueAt\n    declineReason\n    createdAt\n    reviewer {\n      id\n      displayName\n    }\n  }\n": typeof types.AssignmentFieldsFragmentDoc,
    "\n  fragment AdjudicationFields on Adjudication {\n    id\n    verdict\n    likelihood\n    confidence\n    publicSummary\n    createdAt\n    reopenedAt\n    reopenReason\n    adjudicatedBy {\n      id\n      displayName\n    }\n    citedAssessments {\n      id\n      verdict\n      reviewer {\n        id\n        displayName\n      }\n    }\n    citedEvidence {\n      id\n      title\n      url\n    }\n  }\n": typeof types.AdjudicationFieldsFragmentDoc,
    "\n  mutation SaveAssessmentDraft($input: SaveAssessmentDraftInput!) {\n    saveAssessmentDraft(input: $input) {\n      ...AssessmentFields\n    }\n  }\n": typeof types.SaveAssessmentDraftDocument,
    "\n  mutation DiscardAssessmentDraft($input: DiscardAssessmentDraftInput!) {\n    discardAssessmentDraft(input: $input)\n  }\n": typeof types.DiscardAssessmentDraftDocument,
    "\n  mutation SubmitAssessment($input: SubmitAssessmentInput!) {\n    submitAssessment(input: $input) {\n      ...AssessmentFields\n    }\n  }\n": typeof types.SubmitAssessmentDocument,
    "\n  mutation DeclineAssignment($input: DeclineAssignmentInput!) {\n    declineAssignment(input: $input) {\n      ...AssignmentFields\n    }\n  }\n": typeof types.DeclineAssignmentDocument,
    "\n  mutation UnassignReviewer($input: UnassignReviewerInput!) {\n    unassignReviewer(input: $input) {\n      id\n    }\n  }\n": typeof types.UnassignReviewerDocument,
    "\n  mutation ReassignReviewer($input: ReassignReviewerInput!) {\n    reassignReviewer(input: $input) {\n      ...AssignmentFields\n    }\n  }\n": typeof types.ReassignReviewerDocument,
    "\n  mutation AdjudicateClaim($input: AdjudicateClaimInput!) {\n    adjudicateClaim(input: $input) {\n      ...AdjudicationFields\n    }\n  }\n": typeof types.AdjudicateClaimDocument,
    "\n  mutation ReopenClaim($input: ReopenClaimInput!) {\n    reopenClaim(input: $input) {\n      ...ClaimHeaderFields\n    }\n  }\n": typeof types.ReopenClaimDocument,
    "\n  query Reviewers {\n    reviewers {\n      id\n      displayName\n    }\n  }\n": typeof types.ReviewersDocument,
    "\n  mutation AssignReviewers($input: AssignReviewersInput!) {\n    assignReviewers(input: $input) {\n      ...AssignmentFields\n    }\n  }\n": typeof types.AssignReviewersDocument,
    "\n  query Dashboard($filter: DashboardFilter) {\n    dashboard(filter: $filter) {\n      open\n      verified\n      overdue\n      statusCounts {\n        status\n        count\n      }\n      throughput {\n        weekStart\n        intake\n        verified\n      }\n      timeToVerify {\n        medianSeconds\n        claims\n      }\n      verdicts {\n        verdict\n        count\n      }\n      reviewerLoad {\n        reviewer {\n          id\n          displayName\n        }\n        open\n        overdue\n        submitted\n      }\n      agreement {\n        month\n        alpha\n        computable\n        reason\n        pairableValues\n        units\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  query DashboardProjects {\n    projects {\n      id\n      name\n    }\n  }\n": typeof types.DashboardProjectsDocument,
    "\n  query ExportProjects {\n    projects {\n      id\n      name\n    }\n  }\n": typeof types.ExportProjectsDocument,
    "\n  fragment ReleaseFields on Release {\n    id\n    name\n    number\n    filtersJson\n    previousNumber\n    createdByName\n    createdAt\n    counts {\n      claims\n      evidence\n      sources\n      assessments\n      captures\n    }\n    files {\n      format\n      name\n      bytes\n      sha256\n      downloadUrl\n    }\n    delta {\n      added\n      changed\n      retracted\n    }\n    manifestUrl\n    deltaUrl\n  }\n": typeof types.ReleaseFieldsFragmentDoc,
    "\n  query Releases {\n    releases {\n      ...ReleaseFields\n    }\n  }\n": typeof types.ReleasesDocument,
    "\n  mutation CutRelease($input: CutReleaseInput!) {\n    cutRelease(input: $input) {\n      ...ReleaseFields\n    }\n  }\n": typeof types.CutReleaseDocument,
    "\n  query IntakeProjects {\n    projects {\n      id\n      name\n    }\n  }\n": typeof types.IntakeProjectsDocument,
    "\n  query LikelyDuplicates($projectId: ID!, $text: String!, $excludeClaimId: ID) {\n    likelyDuplicates(projectId: $projectId, text: $text, excludeClaimId: $excludeClaimId) {\n      score\n      claim {\n        id\n        text\n        status\n        version\n      }\n    }\n  }\n": typeof types.LikelyDuplicatesDocument,
    "\n  query ExtractClaims($projectId: ID!, $text: String) {\n    extractClaims(projectId: $projectId, text: $text) {\n      text\n      start\n      end\n      reasons\n      claimant\n      attribution\n      figures\n      duplicates {\n        score\n        claim {\n          id\n          text\n          status\n          version\n        }\n      }\n    }\n  }\n": typeof types.ExtractClaimsDocument,
    "\n  mutation IntakeCreateClaim($input: CreateClaimInput!) {\n    createClaim(input: $input) {\n      id\n      text\n      claimant\n      status\n      version\n    }\n  }\n": typeof types.IntakeCreateClaimDocument,
    "\n  mutation MergeClaims($input: MergeClaimsInput!) {\n    mergeClaims(input: $input) {\n      id\n      text\n      status\n      version\n      evidenceCount\n    }\n  }\n": typeof types.MergeClaimsDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  subscription MyActivity {\n    myActivity {\n      action\n      claimId\n      summary\n      at\n    }\n  }\n": typeof types.MyActivityDocument,
    "\n  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      unreadCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        message\n        createdAt\n        readAt\n        commentId\n        claim {\n          id\n          text\n        }\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids) {\n      id\n      readAt\n    }\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": typeof types.MarkAllNotificationsReadDocument,
    "\n  fragment ProjectFields on Project {\n    id\n    name\n    description\n    requiredReviews\n    createdAt\n    updatedAt\n  }\n": typeof types.ProjectFieldsFragmentDoc,
    "\n  fragment ProjectClaimCounts on Project {\n    claimCounts {\n      total\n      open\n      statuses {\n        value\n        count\n      }\n    }\n  }\n": typeof types.ProjectClaimCountsFragmentDoc,
    "\n  query Projects {\n    projects {\n      ...ProjectFields\n      ...ProjectClaimCounts\n    }\n  }\n": typeof types.ProjectsDocument,
    "\n  query Project($id: ID!) {\n    project(id: $id) {\n      ...ProjectFields\n      ...ProjectClaimCounts\n    }\n  }\n": typeof types.ProjectDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ...ProjectFields\n    }\n  }\n": typeof types.CreateProjectDocument,
    "\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      ...ProjectFields\n    }\n  }\n": typeof types.UpdateProjectDocument,
    "\n  query ProjectAgreement($input: AgreementInput!) {\n    agreement(input: $input) {\n      alpha\n      computable\n      metric\n      pairableValues\n      reason\n      units\n      reviewers {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.ProjectAgreementDocument,
    "\n  mutation AssignSelected($input: AssignReviewersInput!) {\n    assignReviewers(input: $input) {\n      id\n    }\n  }\n": typeof types.AssignSelectedDocument,
    "\n  query AutoAssignCandidates($filter: ClaimFilter, $after: String, $withCount: Boolean!) {\n    claims(filter: $filter, first: 200, after: $after) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount @include(if: $withCount)\n    }\n  }\n": typeof types.AutoAssignCandidatesDocument,
    "\n  query AssignableReviewers {\n    reviewers {\n      id\n      displayName\n      openAssignmentCount\n    }\n  }\n": typeof types.AssignableReviewersDocument,
    "\n  mutation AutoAssign($input: AutoAssignInput!) {\n    autoAssign(input: $input) {\n      assignments {\n        id\n      }\n      loads {\n        openBefore\n        assigned\n        openAfter\n        reviewer {\n          id\n          displayName\n        }\n      }\n      unfilledClaimIds\n    }\n  }\n": typeof types.AutoAssignDocument,
    "\n  fragment QueueClaimFields on Claim {\n    id\n    text\n    claimant\n    status\n    priority\n    topics\n    dueAt\n    evidenceCount\n    createdAt\n    updatedAt\n    project {\n      id\n      name\n    }\n  }\n": typeof types.QueueClaimFieldsFragmentDoc,
    "\n  query QueueClaims($filter: ClaimFilter, $sort: ClaimSort, $first: Int, $after: String) {\n    claims(filter: $filter, sort: $sort, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...QueueClaimFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n      facets {\n        statuses {\n          value\n          count\n        }\n        priorities {\n          value\n          count\n        }\n        topics {\n          value\n          count\n        }\n      }\n    }\n  }\n": typeof types.QueueClaimsDocument,
    "\n  query QueueClaimsPage($filter: ClaimFilter, $sort: ClaimSort, $first: Int, $after: String) {\n    claims(filter: $filter, sort: $sort, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...QueueClaimFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.QueueClaimsPageDocument,
    "\n  query QueueNeighbours($filter: ClaimFilter, $sort: ClaimSort, $cursor: String) {\n    next: claims(filter: $filter, sort: $sort, first: 1, after: $cursor) {\n      edges {\n        cursor\n        node {\n          id\n          text\n        }\n      }\n    }\n    previous: claims(filter: $filter, sort: $sort, last: 1, before: $cursor) {\n      edges {\n        cursor\n        node {\n          id\n          text\n        }\n      }\n    }\n  }\n": typeof types.QueueNeighboursDocument,
    "\n  query QueueProjects {\n    projects {\n      id\n      name\n    }\n  }\n": typeof types.QueueProjectsDocument,
    "\n  query QueueReviewers {\n    reviewers {\n      id\n      displayName\n    }\n  }\n": typeof types.QueueReviewersDocument,
    "\n  mutation CreateClaim($input: CreateClaimInput!) {\n    createClaim(input: $input) {\n      ...QueueClaimFields\n    }\n  }\n": typeof types.CreateClaimDocument,
    "\n  fragment SourceFields on Source {\n    id\n    name\n    kind\n    homepage\n    reliability\n    reliabilityNote\n    version\n    createdAt\n    updatedAt\n    evidenceCount\n  }\n": typeof types.SourceFieldsFragmentDoc,
    "\n  query Sources($search: String, $kinds: [SourceKind!], $first: Int, $after: String) {\n    sources(search: $search, kinds: $kinds, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...SourceFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.SourcesDocument,
    "\n  query Source($id: ID!) {\n    source(id: $id) {\n      ...SourceFields\n      evidence(includeRetracted: true) {\n        id\n        url\n        title\n        stance\n        grade\n        retracted\n        publishedAt\n        createdAt\n        claim {\n          id\n          text\n          status\n        }\n      }\n      history {\n        ...AuditEventFields\n      }\n    }\n  }\n": typeof types.SourceDocument,
    "\n  mutation CreateSource($input: CreateSourceInput!) {\n    createSource(input: $input) {\n      ...SourceFields\n    }\n  }\n": typeof types.CreateSourceDocument,
    "\n  mutation UpdateSource($input: UpdateSourceInput!) {\n    updateSource(input: $input) {\n      ...SourceFields\n    }\n  }\n": typeof types.UpdateSourceDocument,
    "\n  mutation RegradeSource($input: RegradeSourceInput!) {\n    regradeSource(input: $input) {\n      ...SourceFields\n    }\n  }\n": typeof types.RegradeSourceDocument,
    "\n  fragment AuditEventFields on AuditEvent {\n    id\n    at\n    actor {\n      id\n      displayName\n    }\n    entityType\n    entityId\n    action\n    changes {\n      field\n      before\n      after\n      beforeLabel\n      afterLabel\n    }\n    reason\n  }\n": typeof types.AuditEventFieldsFragmentDoc,
};
const documents: Documents = {
    "\n  query Activity($filter: ActivityFilter, $first: Int, $after: String) {\n    activity(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          action\n          entityType\n          entityId\n          reason\n          actor {\n            id\n            displayName\n          }\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ActivityDocument,
    "\n  query Organisation {\n    organisation {\n      name\n      url\n      logoUrl\n      license\n      version\n      updatedAt\n    }\n  }\n": types.OrganisationDocument,
    "\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      name\n      url\n      logoUrl\n      license\n      version\n      updatedAt\n    }\n  }\n": types.UpdateOrganisationDocument,
    "\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    role\n    active\n    lastSignInAt\n    createdAt\n  }\n": types.UserFieldsFragmentDoc,
    "\n  query Users {\n    users {\n      ...UserFields\n    }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUserRole($input: UpdateUserRoleInput!) {\n    updateUserRole(input: $input) {\n      ...UserFields\n    }\n  }\n": types.UpdateUserRoleDocument,
    "\n  mutation DeactivateUser($userId: ID!) {\n    deactivateUser(userId: $userId) {\n      ...UserFields\n    }\n  }\n": types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($userId: ID!) {\n    reactivateUser(userId: $userId) {\n      ...UserFields\n    }\n  }\n": types.ReactivateUserDocument,
    "\n  mutation ResetUserPassword($input: ResetUserPasswordInput!) {\n    resetUserPassword(input: $input) {\n      ...UserFields\n    }\n  }\n": types.ResetUserPasswordDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    createdAt\n    expiresAt\n    lastUsedAt\n  }\n": types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n": types.RevokeApiTokenDocument,
    "\n  fragment CurrentUserFields on User {\n    id\n    email\n    displayName\n    role\n    active\n  }\n": types.CurrentUserFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...CurrentUserFields\n    }\n  }\n": types.MeDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        ...CurrentUserFields\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation ChangeMyPassword($input: ChangeMyPasswordInput!) {\n    changeMyPassword(input: $input)\n  }\n": types.ChangeMyPasswordDocument,
    "\n  subscription ClaimActivity($claimId: ID!) {\n    claimActivity(claimId: $claimId) {\n      claimId\n      action\n      actorId\n      actorName\n      summary\n      fields\n      at\n    }\n  }\n": types.ClaimActivityDocument,
    "\n  fragment ClaimHeaderFields on Claim {\n    id\n    text\n    claimant\n    firstAppearanceUrl\n    firstAppearedAt\n    topics\n    priority\n    dueAt\n    status\n    allowedTransitions\n    rejectionReason\n    duplicateOf {\n      id\n      text\n    }\n    version\n    createdAt\n    updatedAt\n    evidenceCount\n    createdBy {\n      id\n      displayName\n    }\n    project {\n      id\n      name\n    }\n  }\n": types.ClaimHeaderFieldsFragmentDoc,
    "\n  fragment CaptureFields on Capture {\n    id\n    evidenceId\n    version\n    method\n    url\n    fileName\n    mediaType\n    byteSize\n    sha256\n    capturedAt\n    capturedBy {\n      id\n      displayName\n    }\n    hasText\n    downloadUrl\n  }\n": types.CaptureFieldsFragmentDoc,
    "\n  fragment EvidenceFields on Evidence {\n    id\n    url\n    title\n    excerpt\n    publishedAt\n    retrievedAt\n    archiveUrl\n    stance\n    credibility\n    grade\n    note\n    source {\n      id\n      name\n      kind\n      reliability\n    }\n    derivedFrom {\n      id\n      title\n      url\n      source {\n        id\n        name\n      }\n    }\n    quantity {\n      min\n      max\n      unit\n      asOf\n    }\n    anchor {\n      prefix\n      exact\n      suffix\n    }\n    anchorStatus\n    retracted\n    retractionReason\n    addedBy {\n      id\n      displayName\n    }\n    version\n    createdAt\n    updatedAt\n    captures {\n      ...CaptureFields\n    }\n  }\n": types.EvidenceFieldsFragmentDoc,
    "\n  fragment ChainEvidenceFields on Evidence {\n    id\n    title\n    url\n    grade\n    stance\n    source {\n      id\n      name\n    }\n  }\n": types.ChainEvidenceFieldsFragmentDoc,
    "\n  fragment CorroborationSideFields on CorroborationSide {\n    stance\n    chainCount\n    rootSourceCount\n    bestGrade\n    explanation\n    chains {\n      bestGrade\n      circular\n      externalOriginId\n      root {\n        ...ChainEvidenceFields\n      }\n      members {\n        ...ChainEvidenceFields\n      }\n    }\n  }\n": types.CorroborationSideFieldsFragmentDoc,
    "\n  fragment CorroborationFields on Corroboration {\n    supporting {\n      ...CorroborationSideFields\n    }\n    refuting {\n      ...CorroborationSideFields\n    }\n    mixed {\n      ...CorroborationSideFields\n    }\n    context {\n      ...CorroborationSideFields\n    }\n    warnings {\n      code\n      message\n      evidenceIds\n      stance\n    }\n    collapsed {\n      evidenceId\n      rootId\n      path\n    }\n    excludedEvidenceIds\n    notes\n    quantitySpreads {\n      unit\n      min\n      max\n      evidenceIds\n      explanation\n    }\n    quantityConflicts {\n      unit\n      explanation\n      a {\n        ...ChainEvidenceFields\n      }\n      b {\n        ...ChainEvidenceFields\n      }\n    }\n  }\n": types.CorroborationFieldsFragmentDoc,
    "\n  query Claim($id: ID!) {\n    claim(id: $id) {\n      ...ClaimHeaderFields\n      evidence(includeRetracted: true) {\n        ...EvidenceFields\n      }\n      corroboration {\n        ...CorroborationFields\n      }\n      history {\n        ...AuditEventFields\n      }\n      assignments {\n        ...AssignmentFields\n      }\n      myAssessment {\n        ...AssessmentFields\n      }\n      myCorrectionDraft {\n        ...AssessmentFields\n      }\n      assessments {\n        ...AssessmentFields\n      }\n      disagreement {\n        flagged\n        reasons {\n          code\n          message\n          assessmentIds\n        }\n      }\n      adjudication {\n        ...AdjudicationFields\n      }\n      comments {\n        ...CommentFields\n      }\n    }\n  }\n": types.ClaimDocument,
    "\n  mutation UpdateClaim($input: UpdateClaimInput!) {\n    updateClaim(input: $input) {\n      ...ClaimHeaderFields\n    }\n  }\n": types.UpdateClaimDocument,
    "\n  mutation RejectClaim($input: RejectClaimInput!) {\n    rejectClaim(input: $input) {\n      ...ClaimHeaderFields\n    }\n  }\n": types.RejectClaimDocument,
    "\n  query SourceOptions($search: String, $first: Int) {\n    sources(search: $search, first: $first) {\n      edges {\n        node {\n          id\n          name\n          kind\n          reliability\n        }\n      }\n      totalCount\n    }\n  }\n": types.SourceOptionsDocument,
    "\n  mutation AddEvidence($input: AddEvidenceInput!) {\n    addEvidence(input: $input) {\n      ...EvidenceFields\n    }\n  }\n": types.AddEvidenceDocument,
    "\n  mutation UpdateEvidence($input: UpdateEvidenceInput!) {\n    updateEvidence(input: $input) {\n      ...EvidenceFields\n    }\n  }\n": types.UpdateEvidenceDocument,
    "\n  mutation RetractEvidence($input: RetractEvidenceInput!) {\n    retractEvidence(input: $input) {\n      ...EvidenceFields\n    }\n  }\n": types.RetractEvidenceDocument,
    "\n  mutation CaptureUrl($input: CaptureUrlInput!) {\n    captureUrl(input: $input) {\n      ...CaptureFields\n    }\n  }\n": types.CaptureUrlDocument,
    "\n  fragment CommentFields on Comment {\n    id\n    parentId\n    body\n    createdAt\n    editedAt\n    editableUntil\n    canEdit\n    author {\n      id\n      displayName\n    }\n    mentions {\n      id\n      displayName\n    }\n  }\n": types.CommentFieldsFragmentDoc,
    "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...CommentFields\n    }\n  }\n": types.AddCommentDocument,
    "\n  mutation EditComment($input: EditCommentInput!) {\n    editComment(input: $input) {\n      ...CommentFields\n    }\n  }\n": types.EditCommentDocument,
    "\n  query MentionableUsers {\n    mentionableUsers {\n      id\n      displayName\n      email\n    }\n  }\n": types.MentionableUsersDocument,
    "\n  fragment AssessmentFields on Assessment {\n    id\n    status\n    verdict\n    likelihood\n    confidence\n    rationale\n    correctionReason\n    submittedAt\n    updatedAt\n    reviewer {\n      id\n      displayName\n    }\n    evidence {\n      id\n      title\n      url\n    }\n  }\n": types.AssessmentFieldsFragmentDoc,
    "\n  fragment AssignmentFields on Assignment {\n    id\n    status\n    dueAt\n    declineReason\n    createdAt\n    reviewer {\n      id\n      displayName\n    }\n  }\n": types.AssignmentFieldsFragmentDoc,
    "\n  fragment AdjudicationFields on Adjudication {\n    id\n    verdict\n    likelihood\n    confidence\n    publicSummary\n    createdAt\n    reopenedAt\n    reopenReason\n    adjudicatedBy {\n      id\n      displayName\n    }\n    citedAssessments {\n      id\n      verdict\n      reviewer {\n        id\n        displayName\n      }\n    }\n    citedEvidence {\n      id\n      title\n      url\n    }\n  }\n": types.AdjudicationFieldsFragmentDoc,
    "\n  mutation SaveAssessmentDraft($input: SaveAssessmentDraftInput!) {\n    saveAssessmentDraft(input: $input) {\n      ...AssessmentFields\n    }\n  }\n": types.SaveAssessmentDraftDocument,
    "\n  mutation DiscardAssessmentDraft($input: DiscardAssessmentDraftInput!) {\n    discardAssessmentDraft(input: $input)\n  }\n": types.DiscardAssessmentDraftDocument,
    "\n  mutation SubmitAssessment($input: SubmitAssessmentInput!) {\n    submitAssessment(input: $input) {\n      ...AssessmentFields\n    }\n  }\n": types.SubmitAssessmentDocument,
    "\n  mutation DeclineAssignment($input: DeclineAssignmentInput!) {\n    declineAssignment(input: $input) {\n      ...AssignmentFields\n    }\n  }\n": types.DeclineAssignmentDocument,
    "\n  mutation UnassignReviewer($input: UnassignReviewerInput!) {\n    unassignReviewer(input: $input) {\n      id\n    }\n  }\n": types.UnassignReviewerDocument,
    "\n  mutation ReassignReviewer($input: ReassignReviewerInput!) {\n    reassignReviewer(input: $input) {\n      ...AssignmentFields\n    }\n  }\n": types.ReassignReviewerDocument,
    "\n  mutation AdjudicateClaim($input: AdjudicateClaimInput!) {\n    adjudicateClaim(input: $input) {\n      ...AdjudicationFields\n    }\n  }\n": types.AdjudicateClaimDocument,
    "\n  mutation ReopenClaim($input: ReopenClaimInput!) {\n    reopenClaim(input: $input) {\n      ...ClaimHeaderFields\n    }\n  }\n": types.ReopenClaimDocument,
    "\n  query Reviewers {\n    reviewers {\n      id\n      displayName\n    }\n  }\n": types.ReviewersDocument,
    "\n  mutation AssignReviewers($input: AssignReviewersInput!) {\n    assignReviewers(input: $input) {\n      ...AssignmentFields\n    }\n  }\n": types.AssignReviewersDocument,
    "\n  query Dashboard($filter: DashboardFilter) {\n    dashboard(filter: $filter) {\n      open\n      verified\n      overdue\n      statusCounts {\n        status\n        count\n      }\n      throughput {\n        weekStart\n        intake\n        verified\n      }\n      timeToVerify {\n        medianSeconds\n        claims\n      }\n      verdicts {\n        verdict\n        count\n      }\n      reviewerLoad {\n        reviewer {\n          id\n          displayName\n        }\n        open\n        overdue\n        submitted\n      }\n      agreement {\n        month\n        alpha\n        computable\n        reason\n        pairableValues\n        units\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  query DashboardProjects {\n    projects {\n      id\n      name\n    }\n  }\n": types.DashboardProjectsDocument,
    "\n  query ExportProjects {\n    projects {\n      id\n      name\n    }\n  }\n": types.ExportProjectsDocument,
    "\n  fragment ReleaseFields on Release {\n    id\n    name\n    number\n    filtersJson\n    previousNumber\n    createdByName\n    createdAt\n    counts {\n      claims\n      evidence\n      sources\n      assessments\n      captures\n    }\n    files {\n      format\n      name\n      bytes\n      sha256\n      downloadUrl\n    }\n    delta {\n      added\n      changed\n      retracted\n    }\n    manifestUrl\n    deltaUrl\n  }\n": types.ReleaseFieldsFragmentDoc,
    "\n  query Releases {\n    releases {\n      ...ReleaseFields\n    }\n  }\n": types.ReleasesDocument,
    "\n  mutation CutRelease($input: CutReleaseInput!) {\n    cutRelease(input: $input) {\n      ...ReleaseFields\n    }\n  }\n": types.CutReleaseDocument,
    "\n  query IntakeProjects {\n    projects {\n      id\n      name\n    }\n  }\n": types.IntakeProjectsDocument,
    "\n  query LikelyDuplicates($projectId: ID!, $text: String!, $excludeClaimId: ID) {\n    likelyDuplicates(projectId: $projectId, text: $text, excludeClaimId: $excludeClaimId) {\n      score\n      claim {\n        id\n        text\n        status\n        version\n      }\n    }\n  }\n": types.LikelyDuplicatesDocument,
    "\n  query ExtractClaims($projectId: ID!, $text: String) {\n    extractClaims(projectId: $projectId, text: $text) {\n      text\n      start\n      end\n      reasons\n      claimant\n      attribution\n      figures\n      duplicates {\n        score\n        claim {\n          id\n          text\n          status\n          version\n        }\n      }\n    }\n  }\n": types.ExtractClaimsDocument,
    "\n  mutation IntakeCreateClaim($input: CreateClaimInput!) {\n    createClaim(input: $input) {\n      id\n      text\n      claimant\n      status\n      version\n    }\n  }\n": types.IntakeCreateClaimDocument,
    "\n  mutation MergeClaims($input: MergeClaimsInput!) {\n    mergeClaims(input: $input) {\n      id\n      text\n      status\n      version\n      evidenceCount\n    }\n  }\n": types.MergeClaimsDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  subscription MyActivity {\n    myActivity {\n      action\n      claimId\n      summary\n      at\n    }\n  }\n": types.MyActivityDocument,
    "\n  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      unreadCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        message\n        createdAt\n        readAt\n        commentId\n        claim {\n          id\n          text\n        }\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids) {\n      id\n      readAt\n    }\n  }\n": types.MarkNotificationsReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n": types.MarkAllNotificationsReadDocument,
    "\n  fragment ProjectFields on Project {\n    id\n    name\n    description\n    requiredReviews\n    createdAt\n    updatedAt\n  }\n": types.ProjectFieldsFragmentDoc,
    "\n  fragment ProjectClaimCounts on Project {\n    claimCounts {\n      total\n      open\n      statuses {\n        value\n        count\n      }\n    }\n  }\n": types.ProjectClaimCountsFragmentDoc,
    "\n  query Projects {\n    projects {\n      ...ProjectFields\n      ...ProjectClaimCounts\n    }\n  }\n": types.ProjectsDocument,
    "\n  query Project($id: ID!) {\n    project(id: $id) {\n      ...ProjectFields\n      ...ProjectClaimCounts\n    }\n  }\n": types.ProjectDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ...ProjectFields\n    }\n  }\n": types.CreateProjectDocument,
    "\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      ...ProjectFields\n    }\n  }\n": types.UpdateProjectDocument,
    "\n  query ProjectAgreement($input: AgreementInput!) {\n    agreement(input: $input) {\n      alpha\n      computable\n      metric\n      pairableValues\n      reason\n      units\n      reviewers {\n        id\n        displayName\n      }\n    }\n  }\n": types.ProjectAgreementDocument,
    "\n  mutation AssignSelected($input: AssignReviewersInput!) {\n    assignReviewers(input: $input) {\n      id\n    }\n  }\n": types.AssignSelectedDocument,
    "\n  query AutoAssignCandidates($filter: ClaimFilter, $after: String, $withCount: Boolean!) {\n    claims(filter: $filter, first: 200, after: $after) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount @include(if: $withCount)\n    }\n  }\n": types.AutoAssignCandidatesDocument,
    "\n  query AssignableReviewers {\n    reviewers {\n      id\n      displayName\n      openAssignmentCount\n    }\n  }\n": types.AssignableReviewersDocument,
    "\n  mutation AutoAssign($input: AutoAssignInput!) {\n    autoAssign(input: $input) {\n      assignments {\n        id\n      }\n      loads {\n        openBefore\n        assigned\n        openAfter\n        reviewer {\n          id\n          displayName\n        }\n      }\n      unfilledClaimIds\n    }\n  }\n": types.AutoAssignDocument,
    "\n  fragment QueueClaimFields on Claim {\n    id\n    text\n    claimant\n    status\n    priority\n    topics\n    dueAt\n    evidenceCount\n    createdAt\n    updatedAt\n    project {\n      id\n      name\n    }\n  }\n": types.QueueClaimFieldsFragmentDoc,
    "\n  query QueueClaims($filter: ClaimFilter, $sort: ClaimSort, $first: Int, $after: String) {\n    claims(filter: $filter, sort: $sort, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...QueueClaimFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n      facets {\n        statuses {\n          value\n          count\n        }\n        priorities {\n          value\n          count\n        }\n        topics {\n          value\n          count\n        }\n      }\n    }\n  }\n": types.QueueClaimsDocument,
    "\n  query QueueClaimsPage($filter: ClaimFilter, $sort: ClaimSort, $first: Int, $after: String) {\n    claims(filter: $filter, sort: $sort, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...QueueClaimFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.QueueClaimsPageDocument,
    "\n  query QueueNeighbours($filter: ClaimFilter, $sort: ClaimSort, $cursor: String) {\n    next: claims(filter: $filter, sort: $sort, first: 1, after: $cursor) {\n      edges {\n        cursor\n        node {\n          id\n          text\n        }\n      }\n    }\n    previous: claims(filter: $filter, sort: $sort, last: 1, before: $cursor) {\n      edges {\n        cursor\n        node {\n          id\n          text\n        }\n      }\n    }\n  }\n": types.QueueNeighboursDocument,
    "\n  query QueueProjects {\n    projects {\n      id\n      name\n    }\n  }\n": types.QueueProjectsDocument,
    "\n  query QueueReviewers {\n    reviewers {\n      id\n      displayName\n    }\n  }\n": types.QueueReviewersDocument,
    "\n  mutation CreateClaim($input: CreateClaimInput!) {\n    createClaim(input: $input) {\n      ...QueueClaimFields\n    }\n  }\n": types.CreateClaimDocument,
    "\n  fragment SourceFields on Source {\n    id\n    name\n    kind\n    homepage\n    reliability\n    reliabilityNote\n    version\n    createdAt\n    updatedAt\n    evidenceCount\n  }\n": types.SourceFieldsFragmentDoc,
    "\n  query Sources($search: String, $kinds: [SourceKind!], $first: Int, $after: String) {\n    sources(search: $search, kinds: $kinds, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...SourceFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.SourcesDocument,
    "\n  query Source($id: ID!) {\n    source(id: $id) {\n      ...SourceFields\n      evidence(includeRetracted: true) {\n        id\n        url\n        title\n        stance\n        grade\n        retracted\n        publishedAt\n        createdAt\n        claim {\n          id\n          text\n          status\n        }\n      }\n      history {\n        ...AuditEventFields\n      }\n    }\n  }\n": types.SourceDocument,
    "\n  mutation CreateSource($input: CreateSourceInput!) {\n    createSource(input: $input) {\n      ...SourceFields\n    }\n  }\n": types.CreateSourceDocument,
    "\n  mutation UpdateSource($input: UpdateSourceInput!) {\n    updateSource(input: $input) {\n      ...SourceFields\n    }\n  }\n": types.UpdateSourceDocument,
    "\n  mutation RegradeSource($input: RegradeSourceInput!) {\n    regradeSource(input: $input) {\n      ...SourceFields\n    }\n  }\n": types.RegradeSourceDocument,
    "\n  fragment AuditEventFields on AuditEvent {\n    id\n    at\n    actor {\n      id\n      displayName\n    }\n    entityType\n    entityId\n    action\n    changes {\n      field\n      before\n      after\n      beforeLabel\n      afterLabel\n    }\n    reason\n  }\n": types.AuditEventFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Activity($filter: ActivityFilter, $first: Int, $after: String) {\n    activity(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          action\n          entityType\n          entityId\n          reason\n          actor {\n            id\n            displayName\n          }\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Activity($filter: ActivityFilter, $first: Int, $after: String) {\n    activity(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          action\n          entityType\n          entityId\n          reason\n          actor {\n            id\n            displayName\n          }\n          changes {\n            field\n            before\n            after\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organisation {\n    organisation {\n      name\n      url\n      logoUrl\n      license\n      version\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query Organisation {\n    organisation {\n      name\n      url\n      logoUrl\n      license\n      version\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      name\n      url\n      logoUrl\n      license\n      version\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {\n    updateOrganisation(input: $input) {\n      name\n      url\n      logoUrl\n      license\n      version\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    role\n    active\n    lastSignInAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    role\n    active\n    lastSignInAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users {\n    users {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  query Users {\n    users {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUserRole($input: UpdateUserRoleInput!) {\n    updateUserRole(input: $input) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUserRole($input: UpdateUserRoleInput!) {\n    updateUserRole(input: $input) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($userId: ID!) {\n    deactivateUser(userId: $userId) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateUser($userId: ID!) {\n    deactivateUser(userId: $userId) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateUser($userId: ID!) {\n    reactivateUser(userId: $userId) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivateUser($userId: ID!) {\n    reactivateUser(userId: $userId) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetUserPassword($input: ResetUserPasswordInput!) {\n    resetUserPassword(input: $input) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResetUserPassword($input: ResetUserPasswordInput!) {\n    resetUserPassword(input: $input) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    createdAt\n    expiresAt\n    lastUsedAt\n  }\n"): (typeof documents)["\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    createdAt\n    expiresAt\n    lastUsedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CurrentUserFields on User {\n    id\n    email\n    displayName\n    role\n    active\n  }\n"): (typeof documents)["\n  fragment CurrentUserFields on User {\n    id\n    email\n    displayName\n    role\n    active\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...CurrentUserFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...CurrentUserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        ...CurrentUserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        ...CurrentUserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMyPassword($input: ChangeMyPasswordInput!) {\n    changeMyPassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangeMyPassword($input: ChangeMyPasswordInput!) {\n    changeMyPassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ClaimActivity($claimId: ID!) {\n    claimActivity(claimId: $claimId) {\n      claimId\n      action\n      actorId\n      actorName\n      summary\n      fields\n      at\n    }\n  }\n"): (typeof documents)["\n  subscription ClaimActivity($claimId: ID!) {\n    claimActivity(claimId: $claimId) {\n      claimId\n      action\n      actorId\n      actorName\n      summary\n      fields\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClaimHeaderFields on Claim {\n    id\n    text\n    claimant\n    firstAppearanceUrl\n    firstAppearedAt\n    topics\n    priority\n    dueAt\n    status\n    allowedTransitions\n    rejectionReason\n    duplicateOf {\n      id\n      text\n    }\n    version\n    createdAt\n    updatedAt\n    evidenceCount\n    createdBy {\n      id\n      displayName\n    }\n    project {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ClaimHeaderFields on Claim {\n    id\n    text\n    claimant\n    firstAppearanceUrl\n    firstAppearedAt\n    topics\n    priority\n    dueAt\n    status\n    allowedTransitions\n    rejectionReason\n    duplicateOf {\n      id\n      text\n    }\n    version\n    createdAt\n    updatedAt\n    evidenceCount\n    createdBy {\n      id\n      displayName\n    }\n    project {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CaptureFields on Capture {\n    id\n    evidenceId\n    version\n    method\n    url\n    fileName\n    mediaType\n    byteSize\n    sha256\n    capturedAt\n    capturedBy {\n      id\n      displayName\n    }\n    hasText\n    downloadUrl\n  }\n"): (typeof documents)["\n  fragment CaptureFields on Capture {\n    id\n    evidenceId\n    version\n    method\n    url\n    fileName\n    mediaType\n    byteSize\n    sha256\n    capturedAt\n    capturedBy {\n      id\n      displayName\n    }\n    hasText\n    downloadUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EvidenceFields on Evidence {\n    id\n    url\n    title\n    excerpt\n    publishedAt\n    retrievedAt\n    archiveUrl\n    stance\n    credibility\n    grade\n    note\n    source {\n      id\n      name\n      kind\n      reliability\n    }\n    derivedFrom {\n      id\n      title\n      url\n      source {\n        id\n        name\n      }\n    }\n    quantity {\n      min\n      max\n      unit\n      asOf\n    }\n    anchor {\n      prefix\n      exact\n      suffix\n    }\n    anchorStatus\n    retracted\n    retractionReason\n    addedBy {\n      id\n      displayName\n    }\n    version\n    createdAt\n    updatedAt\n    captures {\n      ...CaptureFields\n    }\n  }\n"): (typeof documents)["\n  fragment EvidenceFields on Evidence {\n    id\n    url\n    title\n    excerpt\n    publishedAt\n    retrievedAt\n    archiveUrl\n    stance\n    credibility\n    grade\n    note\n    source {\n      id\n      name\n      kind\n      reliability\n    }\n    derivedFrom {\n      id\n      title\n      url\n      source {\n        id\n        name\n      }\n    }\n    quantity {\n      min\n      max\n      unit\n      asOf\n    }\n    anchor {\n      prefix\n      exact\n      suffix\n    }\n    anchorStatus\n    retracted\n    retractionReason\n    addedBy {\n      id\n      displayName\n    }\n    version\n    createdAt\n    updatedAt\n    captures {\n      ...CaptureFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChainEvidenceFields on Evidence {\n    id\n    title\n    url\n    grade\n    stance\n    source {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ChainEvidenceFields on Evidence {\n    id\n    title\n    url\n    grade\n    stance\n    source {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CorroborationSideFields on CorroborationSide {\n    stance\n    chainCount\n    rootSourceCount\n    bestGrade\n    explanation\n    chains {\n      bestGrade\n      circular\n      externalOriginId\n      root {\n        ...ChainEvidenceFields\n      }\n      members {\n        ...ChainEvidenceFields\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CorroborationSideFields on CorroborationSide {\n    stance\n    chainCount\n    rootSourceCount\n    bestGrade\n    explanation\n    chains {\n      bestGrade\n      circular\n      externalOriginId\n      root {\n        ...ChainEvidenceFields\n      }\n      members {\n        ...ChainEvidenceFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CorroborationFields on Corroboration {\n    supporting {\n      ...CorroborationSideFields\n    }\n    refuting {\n      ...CorroborationSideFields\n    }\n    mixed {\n      ...CorroborationSideFields\n    }\n    context {\n      ...CorroborationSideFields\n    }\n    warnings {\n      code\n      message\n      evidenceIds\n      stance\n    }\n    collapsed {\n      evidenceId\n      rootId\n      path\n    }\n    excludedEvidenceIds\n    notes\n    quantitySpreads {\n      unit\n      min\n      max\n      evidenceIds\n      explanation\n    }\n    quantityConflicts {\n      unit\n      explanation\n      a {\n        ...ChainEvidenceFields\n      }\n      b {\n        ...ChainEvidenceFields\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CorroborationFields on Corroboration {\n    supporting {\n      ...CorroborationSideFields\n    }\n    refuting {\n      ...CorroborationSideFields\n    }\n    mixed {\n      ...CorroborationSideFields\n    }\n    context {\n      ...CorroborationSideFields\n    }\n    warnings {\n      code\n      message\n      evidenceIds\n      stance\n    }\n    collapsed {\n      evidenceId\n      rootId\n      path\n    }\n    excludedEvidenceIds\n    notes\n    quantitySpreads {\n      unit\n      min\n      max\n      evidenceIds\n      explanation\n    }\n    quantityConflicts {\n      unit\n      explanation\n      a {\n        ...ChainEvidenceFields\n      }\n      b {\n        ...ChainEvidenceFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Claim($id: ID!) {\n    claim(id: $id) {\n      ...ClaimHeaderFields\n      evidence(includeRetracted: true) {\n        ...EvidenceFields\n      }\n      corroboration {\n        ...CorroborationFields\n      }\n      history {\n        ...AuditEventFields\n      }\n      assignments {\n        ...AssignmentFields\n      }\n      myAssessment {\n        ...AssessmentFields\n      }\n      myCorrectionDraft {\n        ...AssessmentFields\n      }\n      assessments {\n        ...AssessmentFields\n      }\n      disagreement {\n        flagged\n        reasons {\n          code\n          message\n          assessmentIds\n        }\n      }\n      adjudication {\n        ...AdjudicationFields\n      }\n      comments {\n        ...CommentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Claim($id: ID!) {\n    claim(id: $id) {\n      ...ClaimHeaderFields\n      evidence(includeRetracted: true) {\n        ...EvidenceFields\n      }\n      corroboration {\n        ...CorroborationFields\n      }\n      history {\n        ...AuditEventFields\n      }\n      assignments {\n        ...AssignmentFields\n      }\n      myAssessment {\n        ...AssessmentFields\n      }\n      myCorrectionDraft {\n        ...AssessmentFields\n      }\n      assessments {\n        ...AssessmentFields\n      }\n      disagreement {\n        flagged\n        reasons {\n          code\n          message\n          assessmentIds\n        }\n      }\n      adjudication {\n        ...AdjudicationFields\n      }\n      comments {\n        ...CommentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateClaim($input: UpdateClaimInput!) {\n    updateClaim(input: $input) {\n      ...ClaimHeaderFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateClaim($input: UpdateClaimInput!) {\n    updateClaim(input: $input) {\n      ...ClaimHeaderFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectClaim($input: RejectClaimInput!) {\n    rejectClaim(input: $input) {\n      ...ClaimHeaderFields\n    }\n  }\n"): (typeof documents)["\n  mutation RejectClaim($input: RejectClaimInput!) {\n    rejectClaim(input: $input) {\n      ...ClaimHeaderFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SourceOptions($search: String, $first: Int) {\n    sources(search: $search, first: $first) {\n      edges {\n        node {\n          id\n          name\n          kind\n          reliability\n        }\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query SourceOptions($search: String, $first: Int) {\n    sources(search: $search, first: $first) {\n      edges {\n        node {\n          id\n          name\n          kind\n          reliability\n        }\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddEvidence($input: AddEvidenceInput!) {\n    addEvidence(input: $input) {\n      ...EvidenceFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddEvidence($input: AddEvidenceInput!) {\n    addEvidence(input: $input) {\n      ...EvidenceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEvidence($input: UpdateEvidenceInput!) {\n    updateEvidence(input: $input) {\n      ...EvidenceFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateEvidence($input: UpdateEvidenceInput!) {\n    updateEvidence(input: $input) {\n      ...EvidenceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetractEvidence($input: RetractEvidenceInput!) {\n    retractEvidence(input: $input) {\n      ...EvidenceFields\n    }\n  }\n"): (typeof documents)["\n  mutation RetractEvidence($input: RetractEvidenceInput!) {\n    retractEvidence(input: $input) {\n      ...EvidenceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CaptureUrl($input: CaptureUrlInput!) {\n    captureUrl(input: $input) {\n      ...CaptureFields\n    }\n  }\n"): (typeof documents)["\n  mutation CaptureUrl($input: CaptureUrlInput!) {\n    captureUrl(input: $input) {\n      ...CaptureFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommentFields on Comment {\n    id\n    parentId\n    body\n    createdAt\n    editedAt\n    editableUntil\n    canEdit\n    author {\n      id\n      displayName\n    }\n    mentions {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment CommentFields on Comment {\n    id\n    parentId\n    body\n    createdAt\n    editedAt\n    editableUntil\n    canEdit\n    author {\n      id\n      displayName\n    }\n    mentions {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...CommentFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...CommentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditComment($input: EditCommentInput!) {\n    editComment(input: $input) {\n      ...CommentFields\n    }\n  }\n"): (typeof documents)["\n  mutation EditComment($input: EditCommentInput!) {\n    editComment(input: $input) {\n      ...CommentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MentionableUsers {\n    mentionableUsers {\n      id\n      displayName\n      email\n    }\n  }\n"): (typeof documents)["\n  query MentionableUsers {\n    mentionableUsers {\n      id\n      displayName\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AssessmentFields on Assessment {\n    id\n    status\n    verdict\n    likelihood\n    confidence\n    rationale\n    correctionReason\n    submittedAt\n    updatedAt\n    reviewer {\n      id\n      displayName\n    }\n    evidence {\n      id\n      title\n      url\n    }\n  }\n"): (typeof documents)["\n  fragment AssessmentFields on Assessment {\n    id\n    status\n    verdict\n    likelihood\n    confidence\n    rationale\n    correctionReason\n    submittedAt\n    updatedAt\n    reviewer {\n      id\n      displayName\n    }\n    evidence {\n      id\n      title\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AssignmentFields on Assignment {\n    id\n    status\n    dueAt\n    declineReason\n    createdAt\n    reviewer {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment AssignmentFields on Assignment {\n    id\n    status\n    dueAt\n    declineReason\n    createdAt\n    reviewer {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdjudicationFields on Adjudication {\n    id\n    verdict\n    likelihood\n    confidence\n    publicSummary\n    createdAt\n    reopenedAt\n    reopenReason\n    adjudicatedBy {\n      id\n      displayName\n    }\n    citedAssessments {\n      id\n      verdict\n      reviewer {\n        id\n        displayName\n      }\n    }\n    citedEvidence {\n      id\n      title\n      url\n    }\n  }\n"): (typeof documents)["\n  fragment AdjudicationFields on Adjudication {\n    id\n    verdict\n    likelihood\n    confidence\n    publicSummary\n    createdAt\n    reopenedAt\n    reopenReason\n    adjudicatedBy {\n      id\n      displayName\n    }\n    citedAssessments {\n      id\n      verdict\n      reviewer {\n        id\n        displayName\n      }\n    }\n    citedEvidence {\n      id\n      title\n      url\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveAssessmentDraft($input: SaveAssessmentDraftInput!) {\n    saveAssessmentDraft(input: $input) {\n      ...AssessmentFields\n    }\n  }\n"): (typeof documents)["\n  mutation SaveAssessmentDraft($input: SaveAssessmentDraftInput!) {\n    saveAssessmentDraft(input: $input) {\n      ...AssessmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DiscardAssessmentDraft($input: DiscardAssessmentDraftInput!) {\n    discardAssessmentDraft(input: $input)\n  }\n"): (typeof documents)["\n  mutation DiscardAssessmentDraft($input: DiscardAssessmentDraftInput!) {\n    discardAssessmentDraft(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitAssessment($input: SubmitAssessmentInput!) {\n    submitAssessment(input: $input) {\n      ...AssessmentFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitAssessment($input: SubmitAssessmentInput!) {\n    submitAssessment(input: $input) {\n      ...AssessmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineAssignment($input: DeclineAssignmentInput!) {\n    declineAssignment(input: $input) {\n      ...AssignmentFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineAssignment($input: DeclineAssignmentInput!) {\n    declineAssignment(input: $input) {\n      ...AssignmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnassignReviewer($input: UnassignReviewerInput!) {\n    unassignReviewer(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation UnassignReviewer($input: UnassignReviewerInput!) {\n    unassignReviewer(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReassignReviewer($input: ReassignReviewerInput!) {\n    reassignReviewer(input: $input) {\n      ...AssignmentFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReassignReviewer($input: ReassignReviewerInput!) {\n    reassignReviewer(input: $input) {\n      ...AssignmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdjudicateClaim($input: AdjudicateClaimInput!) {\n    adjudicateClaim(input: $input) {\n      ...AdjudicationFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdjudicateClaim($input: AdjudicateClaimInput!) {\n    adjudicateClaim(input: $input) {\n      ...AdjudicationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReopenClaim($input: ReopenClaimInput!) {\n    reopenClaim(input: $input) {\n      ...ClaimHeaderFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReopenClaim($input: ReopenClaimInput!) {\n    reopenClaim(input: $input) {\n      ...ClaimHeaderFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reviewers {\n    reviewers {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  query Reviewers {\n    reviewers {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignReviewers($input: AssignReviewersInput!) {\n    assignReviewers(input: $input) {\n      ...AssignmentFields\n    }\n  }\n"): (typeof documents)["\n  mutation AssignReviewers($input: AssignReviewersInput!) {\n    assignReviewers(input: $input) {\n      ...AssignmentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($filter: DashboardFilter) {\n    dashboard(filter: $filter) {\n      open\n      verified\n      overdue\n      statusCounts {\n        status\n        count\n      }\n      throughput {\n        weekStart\n        intake\n        verified\n      }\n      timeToVerify {\n        medianSeconds\n        claims\n      }\n      verdicts {\n        verdict\n        count\n      }\n      reviewerLoad {\n        reviewer {\n          id\n          displayName\n        }\n        open\n        overdue\n        submitted\n      }\n      agreement {\n        month\n        alpha\n        computable\n        reason\n        pairableValues\n        units\n      }\n    }\n  }\n"): (typeof documents)["\n  query Dashboard($filter: DashboardFilter) {\n    dashboard(filter: $filter) {\n      open\n      verified\n      overdue\n      statusCounts {\n        status\n        count\n      }\n      throughput {\n        weekStart\n        intake\n        verified\n      }\n      timeToVerify {\n        medianSeconds\n        claims\n      }\n      verdicts {\n        verdict\n        count\n      }\n      reviewerLoad {\n        reviewer {\n          id\n          displayName\n        }\n        open\n        overdue\n        submitted\n      }\n      agreement {\n        month\n        alpha\n        computable\n        reason\n        pairableValues\n        units\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardProjects {\n    projects {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query DashboardProjects {\n    projects {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportProjects {\n    projects {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query ExportProjects {\n    projects {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReleaseFields on Release {\n    id\n    name\n    number\n    filtersJson\n    previousNumber\n    createdByName\n    createdAt\n    counts {\n      claims\n      evidence\n      sources\n      assessments\n      captures\n    }\n    files {\n      format\n      name\n      bytes\n      sha256\n      downloadUrl\n    }\n    delta {\n      added\n      changed\n      retracted\n    }\n    manifestUrl\n    deltaUrl\n  }\n"): (typeof documents)["\n  fragment ReleaseFields on Release {\n    id\n    name\n    number\n    filtersJson\n    previousNumber\n    createdByName\n    createdAt\n    counts {\n      claims\n      evidence\n      sources\n      assessments\n      captures\n    }\n    files {\n      format\n      name\n      bytes\n      sha256\n      downloadUrl\n    }\n    delta {\n      added\n      changed\n      retracted\n    }\n    manifestUrl\n    deltaUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Releases {\n    releases {\n      ...ReleaseFields\n    }\n  }\n"): (typeof documents)["\n  query Releases {\n    releases {\n      ...ReleaseFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CutRelease($input: CutReleaseInput!) {\n    cutRelease(input: $input) {\n      ...ReleaseFields\n    }\n  }\n"): (typeof documents)["\n  mutation CutRelease($input: CutReleaseInput!) {\n    cutRelease(input: $input) {\n      ...ReleaseFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntakeProjects {\n    projects {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query IntakeProjects {\n    projects {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LikelyDuplicates($projectId: ID!, $text: String!, $excludeClaimId: ID) {\n    likelyDuplicates(projectId: $projectId, text: $text, excludeClaimId: $excludeClaimId) {\n      score\n      claim {\n        id\n        text\n        status\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  query LikelyDuplicates($projectId: ID!, $text: String!, $excludeClaimId: ID) {\n    likelyDuplicates(projectId: $projectId, text: $text, excludeClaimId: $excludeClaimId) {\n      score\n      claim {\n        id\n        text\n        status\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExtractClaims($projectId: ID!, $text: String) {\n    extractClaims(projectId: $projectId, text: $text) {\n      text\n      start\n      end\n      reasons\n      claimant\n      attribution\n      figures\n      duplicates {\n        score\n        claim {\n          id\n          text\n          status\n          version\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExtractClaims($projectId: ID!, $text: String) {\n    extractClaims(projectId: $projectId, text: $text) {\n      text\n      start\n      end\n      reasons\n      claimant\n      attribution\n      figures\n      duplicates {\n        score\n        claim {\n          id\n          text\n          status\n          version\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IntakeCreateClaim($input: CreateClaimInput!) {\n    createClaim(input: $input) {\n      id\n      text\n      claimant\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation IntakeCreateClaim($input: CreateClaimInput!) {\n    createClaim(input: $input) {\n      id\n      text\n      claimant\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeClaims($input: MergeClaimsInput!) {\n    mergeClaims(input: $input) {\n      id\n      text\n      status\n      version\n      evidenceCount\n    }\n  }\n"): (typeof documents)["\n  mutation MergeClaims($input: MergeClaimsInput!) {\n    mergeClaims(input: $input) {\n      id\n      text\n      status\n      version\n      evidenceCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MyActivity {\n    myActivity {\n      action\n      claimId\n      summary\n      at\n    }\n  }\n"): (typeof documents)["\n  subscription MyActivity {\n    myActivity {\n      action\n      claimId\n      summary\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      unreadCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        message\n        createdAt\n        readAt\n        commentId\n        claim {\n          id\n          text\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      unreadCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        message\n        createdAt\n        readAt\n        commentId\n        claim {\n          id\n          text\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids) {\n      id\n      readAt\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids) {\n      id\n      readAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"): (typeof documents)["\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectFields on Project {\n    id\n    name\n    description\n    requiredReviews\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ProjectFields on Project {\n    id\n    name\n    description\n    requiredReviews\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectClaimCounts on Project {\n    claimCounts {\n      total\n      open\n      statuses {\n        value\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ProjectClaimCounts on Project {\n    claimCounts {\n      total\n      open\n      statuses {\n        value\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Projects {\n    projects {\n      ...ProjectFields\n      ...ProjectClaimCounts\n    }\n  }\n"): (typeof documents)["\n  query Projects {\n    projects {\n      ...ProjectFields\n      ...ProjectClaimCounts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Project($id: ID!) {\n    project(id: $id) {\n      ...ProjectFields\n      ...ProjectClaimCounts\n    }\n  }\n"): (typeof documents)["\n  query Project($id: ID!) {\n    project(id: $id) {\n      ...ProjectFields\n      ...ProjectClaimCounts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ...ProjectFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      ...ProjectFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      ...ProjectFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) {\n      ...ProjectFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectAgreement($input: AgreementInput!) {\n    agreement(input: $input) {\n      alpha\n      computable\n      metric\n      pairableValues\n      reason\n      units\n      reviewers {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectAgreement($input: AgreementInput!) {\n    agreement(input: $input) {\n      alpha\n      computable\n      metric\n      pairableValues\n      reason\n      units\n      reviewers {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignSelected($input: AssignReviewersInput!) {\n    assignReviewers(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AssignSelected($input: AssignReviewersInput!) {\n    assignReviewers(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AutoAssignCandidates($filter: ClaimFilter, $after: String, $withCount: Boolean!) {\n    claims(filter: $filter, first: 200, after: $after) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount @include(if: $withCount)\n    }\n  }\n"): (typeof documents)["\n  query AutoAssignCandidates($filter: ClaimFilter, $after: String, $withCount: Boolean!) {\n    claims(filter: $filter, first: 200, after: $after) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount @include(if: $withCount)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignableReviewers {\n    reviewers {\n      id\n      displayName\n      openAssignmentCount\n    }\n  }\n"): (typeof documents)["\n  query AssignableReviewers {\n    reviewers {\n      id\n      displayName\n      openAssignmentCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AutoAssign($input: AutoAssignInput!) {\n    autoAssign(input: $input) {\n      assignments {\n        id\n      }\n      loads {\n        openBefore\n        assigned\n        openAfter\n        reviewer {\n          id\n          displayName\n        }\n      }\n      unfilledClaimIds\n    }\n  }\n"): (typeof documents)["\n  mutation AutoAssign($input: AutoAssignInput!) {\n    autoAssign(input: $input) {\n      assignments {\n        id\n      }\n      loads {\n        openBefore\n        assigned\n        openAfter\n        reviewer {\n          id\n          displayName\n        }\n      }\n      unfilledClaimIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment QueueClaimFields on Claim {\n    id\n    text\n    claimant\n    status\n    priority\n    topics\n    dueAt\n    evidenceCount\n    createdAt\n    updatedAt\n    project {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment QueueClaimFields on Claim {\n    id\n    text\n    claimant\n    status\n    priority\n    topics\n    dueAt\n    evidenceCount\n    createdAt\n    updatedAt\n    project {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueClaims($filter: ClaimFilter, $sort: ClaimSort, $first: Int, $after: String) {\n    claims(filter: $filter, sort: $sort, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...QueueClaimFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n      facets {\n        statuses {\n          value\n          count\n        }\n        priorities {\n          value\n          count\n        }\n        topics {\n          value\n          count\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueueClaims($filter: ClaimFilter, $sort: ClaimSort, $first: Int, $after: String) {\n    claims(filter: $filter, sort: $sort, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...QueueClaimFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n      facets {\n        statuses {\n          value\n          count\n        }\n        priorities {\n          value\n          count\n        }\n        topics {\n          value\n          count\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueClaimsPage($filter: ClaimFilter, $sort: ClaimSort, $first: Int, $after: String) {\n    claims(filter: $filter, sort: $sort, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...QueueClaimFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueueClaimsPage($filter: ClaimFilter, $sort: ClaimSort, $first: Int, $after: String) {\n    claims(filter: $filter, sort: $sort, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...QueueClaimFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueNeighbours($filter: ClaimFilter, $sort: ClaimSort, $cursor: String) {\n    next: claims(filter: $filter, sort: $sort, first: 1, after: $cursor) {\n      edges {\n        cursor\n        node {\n          id\n          text\n        }\n      }\n    }\n    previous: claims(filter: $filter, sort: $sort, last: 1, before: $cursor) {\n      edges {\n        cursor\n        node {\n          id\n          text\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueueNeighbours($filter: ClaimFilter, $sort: ClaimSort, $cursor: String) {\n    next: claims(filter: $filter, sort: $sort, first: 1, after: $cursor) {\n      edges {\n        cursor\n        node {\n          id\n          text\n        }\n      }\n    }\n    previous: claims(filter: $filter, sort: $sort, last: 1, before: $cursor) {\n      edges {\n        cursor\n        node {\n          id\n          text\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueProjects {\n    projects {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query QueueProjects {\n    projects {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueueReviewers {\n    reviewers {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  query QueueReviewers {\n    reviewers {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateClaim($input: CreateClaimInput!) {\n    createClaim(input: $input) {\n      ...QueueClaimFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateClaim($input: CreateClaimInput!) {\n    createClaim(input: $input) {\n      ...QueueClaimFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SourceFields on Source {\n    id\n    name\n    kind\n    homepage\n    reliability\n    reliabilityNote\n    version\n    createdAt\n    updatedAt\n    evidenceCount\n  }\n"): (typeof documents)["\n  fragment SourceFields on Source {\n    id\n    name\n    kind\n    homepage\n    reliability\n    reliabilityNote\n    version\n    createdAt\n    updatedAt\n    evidenceCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Sources($search: String, $kinds: [SourceKind!], $first: Int, $after: String) {\n    sources(search: $search, kinds: $kinds, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...SourceFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query Sources($search: String, $kinds: [SourceKind!], $first: Int, $after: String) {\n    sources(search: $search, kinds: $kinds, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...SourceFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Source($id: ID!) {\n    source(id: $id) {\n      ...SourceFields\n      evidence(includeRetracted: true) {\n        id\n        url\n        title\n        stance\n        grade\n        retracted\n        publishedAt\n        createdAt\n        claim {\n          id\n          text\n          status\n        }\n      }\n      history {\n        ...AuditEventFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Source($id: ID!) {\n    source(id: $id) {\n      ...SourceFields\n      evidence(includeRetracted: true) {\n        id\n        url\n        title\n        stance\n        grade\n        retracted\n        publishedAt\n        createdAt\n        claim {\n          id\n          text\n          status\n        }\n      }\n      history {\n        ...AuditEventFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSource($input: CreateSourceInput!) {\n    createSource(input: $input) {\n      ...SourceFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSource($input: CreateSourceInput!) {\n    createSource(input: $input) {\n      ...SourceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSource($input: UpdateSourceInput!) {\n    updateSource(input: $input) {\n      ...SourceFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSource($input: UpdateSourceInput!) {\n    updateSource(input: $input) {\n      ...SourceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegradeSource($input: RegradeSourceInput!) {\n    regradeSource(input: $input) {\n      ...SourceFields\n    }\n  }\n"): (typeof documents)["\n  mutation RegradeSource($input: RegradeSourceInput!) {\n    regradeSource(input: $input) {\n      ...SourceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEventFields on AuditEvent {\n    id\n    at\n    actor {\n      id\n      displayName\n    }\n    entityType\n    entityId\n    action\n    changes {\n      field\n      before\n      after\n      beforeLabel\n      afterLabel\n    }\n    reason\n  }\n"): (typeof documents)["\n  fragment AuditEventFields on AuditEvent {\n    id\n    at\n    actor {\n      id\n      displayName\n    }\n    entityType\n    entityId\n    action\n    changes {\n      field\n      before\n      after\n      beforeLabel\n      afterLabel\n    }\n    reason\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;