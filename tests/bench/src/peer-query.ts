/**
 * The queue page asked of PostGraphile (Amber preset, schema generated from our database): the
 * same 50 claims in the same order with their project, evidence with sources and assignments,
 * plus the reviewers' names and the facet counts our schema keeps. Where the generated schema
 * cannot say it the way we do, the peer returns the raw material and {@link peerToQueuePage}
 * (used only to check the answers match, never under load) finishes the job:
 * - evidence: Amber only filters and orders by indexed columns, so retracted items come too
 *   (about 5%) and are dropped here; the grade is reliability + credibility;
 * - assignments: there is no foreign key from assignments to users, so reviewers' names come
 *   from allUsers (38 rows) and are joined here;
 * - counts: rows of claim_facet_counts (Amber has no aggregates), summed here as the raw
 *   baseline sums them in SQL.
 */
export const PEER_QUERY = `query PeerQueuePage {
  allClaims(orderBy: [UPDATED_AT_DESC, PRIMARY_KEY_DESC], first: 50) {
    nodes {
      rowId
      text
      claimant
      status
      priority
      topics
      dueAt
      createdAt
      updatedAt
      projectByProjectId { rowId name }
      evidencesByClaimId(orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) {
        nodes { rowId stance credibility retracted sourceBySourceId { rowId name reliability } }
      }
      assignmentsByClaimId { nodes { rowId status reviewerId createdAt } }
    }
    pageInfo { hasNextPage }
  }
  allUsers { nodes { rowId displayName } }
  allClaimFacetCounts { nodes { dim value n } }
}`;

export const PEER_BODY = JSON.stringify({ operationName: 'PeerQueuePage', query: PEER_QUERY });

interface PeerData {
  allClaims: {
    nodes: {
      rowId: string;
      text: string;
      claimant: string | null;
      status: string;
      priority: string;
      topics: string;
      dueAt: string | null;
      createdAt: string;
      updatedAt: string;
      projectByProjectId: { rowId: string; name: string };
      evidencesByClaimId: {
        nodes: {
          rowId: string;
          stance: string;
          credibility: number;
          retracted: boolean;
          sourceBySourceId: { rowId: string; name: string; reliability: string };
        }[];
      };
      assignmentsByClaimId: {
        nodes: { rowId: string; status: string; reviewerId: string; createdAt: string }[];
      };
    }[];
    pageInfo: { hasNextPage: boolean };
  };
  allUsers: { nodes: { rowId: string; displayName: string }[] };
  allClaimFacetCounts: { nodes: { dim: string; value: string; n: number }[] };
}

const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

/** The peer's answer in our queue page's shape (for checking that both say the same). */
export function peerToQueuePage(data: unknown): unknown {
  const d = data as PeerData;
  const names = new Map(d.allUsers.nodes.map((u) => [u.rowId, u.displayName]));
  const sum = (dim: string) => {
    const map = new Map<string, number>();
    for (const r of d.allClaimFacetCounts.nodes)
      if (r.dim === dim) map.set(r.value, (map.get(r.value) ?? 0) + r.n);
    return map;
  };
  const statuses = sum('status');
  const priorities = sum('priority');
  const edges = d.allClaims.nodes.map((c) => {
    const updatedAt = iso(c.updatedAt);
    const evidence = c.evidencesByClaimId.nodes
      .filter((e) => !e.retracted)
      .map((e) => ({
        id: e.rowId,
        stance: e.stance,
        credibility: e.credibility,
        grade: `${e.sourceBySourceId.reliability}${e.credibility}`,
        source: {
          id: e.sourceBySourceId.rowId,
          name: e.sourceBySourceId.name,
          reliability: e.sourceBySourceId.reliability,
        },
      }));
    const assignments = [...c.assignmentsByClaimId.nodes]
      .map((a) => ({ ...a, createdAt: iso(a.createdAt) ?? '' }))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.rowId.localeCompare(b.rowId))
      .map((a) => ({
        id: a.rowId,
        status: a.status,
        reviewer: { id: a.reviewerId, displayName: names.get(a.reviewerId) ?? null },
      }));
    return {
      cursor: Buffer.from(JSON.stringify(['UPDATED_DESC', updatedAt, c.rowId]), 'utf8').toString(
        'base64url',
      ),
      node: {
        id: c.rowId,
        text: c.text,
        claimant: c.claimant,
        status: c.status,
        priority: c.priority,
        topics: JSON.parse(c.topics) as string[],
        dueAt: iso(c.dueAt),
        evidenceCount: evidence.length,
        createdAt: iso(c.createdAt),
        updatedAt,
        project: { id: c.projectByProjectId.rowId, name: c.projectByProjectId.name },
        evidence,
        assignments,
      },
    };
  });
  return {
    claims: {
      edges,
      pageInfo: {
        hasNextPage: d.allClaims.pageInfo.hasNextPage,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: [...statuses.values()].reduce((a, b) => a + b, 0),
      facets: {
        statuses: ['NEW', 'IN_REVIEW', 'NEEDS_ADJUDICATION', 'VERIFIED', 'REJECTED'].map(
          (value) => ({ value, count: statuses.get(value) ?? 0 }),
        ),
        priorities: ['URGENT', 'HIGH', 'NORMAL', 'LOW'].map((value) => ({
          value,
          count: priorities.get(value) ?? 0,
        })),
        topics: [...sum('topic')]
          .filter(([, count]) => count > 0)
          .map(([value, count]) => ({ value, count }))
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
      },
    },
  };
}
