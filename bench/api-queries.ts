// The GraphQL requests the API benchmarks send: what the web app asks for each view.
export const SEARCH = /* GraphQL */ `
  query Search($query: String!) {
    search(query: $query, first: 20) {
      totalCount
      facets {
        type
        count
      }
      edges {
        matchedBy
        matched
        node {
          id
          type
          name
          degree
        }
      }
    }
  }
`;

export const ENTITY = /* GraphQL */ `
  query Entity($id: ID!) {
    entity(id: $id) {
      id
      type
      name
      aliases
      code
      level
      degree
      hierarchy {
        id
        name
        level
      }
      degreeByType {
        type
        count
      }
      relations(first: 20) {
        totalCount
        edges {
          node {
            id
            type
            weight
            directed
            sourceId
            targetId
            firstReported
            source {
              id
              name
            }
            target {
              id
              name
            }
          }
        }
      }
    }
  }
`;

export const NEIGHBORHOOD = /* GraphQL */ `
  query Neighborhood($ids: [ID!]!, $depth: Int!) {
    neighborhood(ids: $ids, depth: $depth, limit: 500) {
      truncated
      nodes {
        id
        type
        name
        degree
        depth
        hiddenTotal
        hidden {
          type
          count
        }
      }
      edges {
        id
        type
        source
        target
        weight
        directed
      }
    }
  }
`;

export const PATHS = /* GraphQL */ `
  query Paths($from: ID!, $to: ID!) {
    paths(from: $from, to: $to, maxHops: 4, k: 3) {
      length
      nodes {
        id
        type
        name
        degree
        depth
      }
      relations {
        id
        type
        sourceId
        targetId
        weight
      }
    }
  }
`;

export const STATS = /* GraphQL */ `
  query Stats {
    stats {
      graphVersion
      entities
      relations
      coMentions
      documents
      evidence
      entitiesByType {
        type
        count
      }
      relationsByType {
        type
        count
      }
      topByDegree(limit: 10) {
        score
        entity {
          id
          name
        }
      }
      topByPageRank(limit: 10) {
        score
        entity {
          id
          name
        }
      }
      communities(limit: 10) {
        id
        size
        label
        types {
          type
          count
        }
      }
      documentDates {
        month
        count
      }
      undatedDocuments
    }
  }
`;
