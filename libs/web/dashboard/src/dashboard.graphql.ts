import { graphql } from '@corroborate/graphql';

export const dashboardQuery = graphql(`
  query Dashboard($filter: DashboardFilter) {
    dashboard(filter: $filter) {
      open
      verified
      overdue
      statusCounts {
        status
        count
      }
      throughput {
        weekStart
        intake
        verified
      }
      timeToVerify {
        medianSeconds
        claims
      }
      verdicts {
        verdict
        count
      }
      reviewerLoad {
        reviewer {
          id
          displayName
        }
        open
        overdue
        submitted
      }
      agreement {
        month
        alpha
        computable
        reason
        pairableValues
        units
      }
    }
  }
`);

export const dashboardProjectsQuery = graphql(`
  query DashboardProjects {
    projects {
      id
      name
    }
  }
`);
