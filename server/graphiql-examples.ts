// The example queries GraphiQL opens on, one tab per area of the API.
export const GRAPHIQL_TABS = [
  {
    query: /* GraphQL */ `
      # Find an entity: Chinese, traditional, pinyin or initials (try 龍灣, longwan, lwq)
      query Search {
        search(query: "龙湾", first: 5) {
          totalCount
          facets {
            type
            count
          }
          edges {
            matchedBy
            node {
              id
              type
              name
              code
            }
          }
        }
      }
    `,
  },
  {
    query: /* GraphQL */ `
      # An entity with its hierarchy, relations and the sentences behind them
      query Entity {
        entity(id: "District:龙湾区#330303") {
          name
          type
          code
          hierarchy {
            name
            level
          }
          degreeByType {
            type
            count
          }
          relations(first: 5) {
            totalCount
            edges {
              node {
                type
                target {
                  name
                  type
                }
                evidence(first: 1) {
                  text
                  document {
                    title
                    date
                  }
                }
              }
            }
          }
        }
      }
    `,
  },
  {
    query: /* GraphQL */ `
      # Neighbours for a canvas, with "N more" per relation type
      query Neighborhood {
        neighborhood(ids: ["District:龙湾区#330303"], depth: 1, limit: 50) {
          truncated
          nodes {
            id
            name
            type
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
          }
        }
      }
    `,
  },
  {
    query: /* GraphQL */ `
      # Statistics, cached until the graph changes
      query Stats {
        stats {
          graphVersion
          entities
          relations
          documents
          topByPageRank(limit: 5) {
            score
            entity {
              name
              type
            }
          }
          communities(limit: 3) {
            label
            size
          }
          documentDates {
            month
            count
          }
        }
      }
    `,
  },
  {
    query: /* GraphQL */ `
      # Read-only Cypher for analysts (writes are refused)
      query Cypher {
        cypher(
          query: "MATCH (d:District)-[r:IMPLEMENTS]->(p) RETURN d.name AS district, p.name AS program, r.weight AS sentences ORDER BY sentences DESC LIMIT 10"
        ) {
          columns
          rows
          truncated
          millis
        }
      }
    `,
  },
];
