//! Lists are served from an index: the database's own plan for each list query must neither
//! read a growing table in full nor sort its rows in a temporary structure. SQLite answers
//! `EXPLAIN QUERY PLAN`; PostgreSQL `EXPLAIN` with sequential scans priced out, so that an empty
//! test table does not make a scan look cheaper than the index.

use db::repo::hours::{self, Scope};
use domain::hours::{HourQuery, HourStatus};
use domain::{SchoolId, VolunteerId};
use sea_orm::{ConnectionTrait, DbBackend, QueryTrait, Statement, TransactionTrait};

use crate::helpers::TestApp;

/// The plan's lines for a query, as the database prints them.
async fn plan(app: &TestApp, stmt: Statement) -> Vec<String> {
    let backend = app.db.get_database_backend();
    let txn = app.db.begin().await.unwrap();
    let explain = match backend {
        DbBackend::Postgres => {
            txn.execute_unprepared("SET LOCAL enable_seqscan = off")
                .await
                .unwrap();
            "EXPLAIN"
        }
        _ => "EXPLAIN QUERY PLAN",
    };
    let rows = txn
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!("{explain} {}", stmt.sql),
            stmt.values.map(|v| v.0).unwrap_or_default(),
        ))
        .await
        .unwrap();
    let column = if backend == DbBackend::Postgres {
        "QUERY PLAN"
    } else {
        "detail"
    };
    rows.iter()
        .map(|r| r.try_get::<String>("", column).unwrap())
        .collect()
}

/// Fails when the plan scans `table` without an index or sorts in a temporary structure.
fn assert_indexed(what: &str, table: &str, lines: &[String]) {
    let text = lines.join("\n");
    let full_scan = lines.iter().any(|l| {
        (l.contains(&format!("SCAN {table}")) && !l.contains("USING"))
            || l.contains(&format!("Seq Scan on {table}"))
    });
    let sorted = lines.iter().any(|l| {
        l.contains("TEMP B-TREE") || l.trim_start().starts_with("Sort") || l.contains("->  Sort")
    });
    assert!(!full_scan, "{what}: reads all of {table}:\n{text}");
    assert!(!sorted, "{what}: sorts in a temporary structure:\n{text}");
}

#[actix_web::test]
async fn every_hour_list_order_comes_from_an_index() {
    let app = TestApp::spawn().await;
    let backend = app.db.get_database_backend();
    let school = SchoolId(uuid::Uuid::new_v4());
    let volunteer = VolunteerId(uuid::Uuid::new_v4());
    let cases = [
        (
            "staff's default list, newest first",
            HourQuery::default(),
            Scope::All,
        ),
        (
            "the review queue, oldest first",
            HourQuery {
                status: Some(HourStatus::Pending),
                ..Default::default()
            },
            Scope::All,
        ),
        (
            "one status, newest first",
            HourQuery {
                status: Some(HourStatus::Approved),
                ..Default::default()
            },
            Scope::All,
        ),
        (
            "a volunteer's own",
            HourQuery::default(),
            Scope::Volunteer(volunteer),
        ),
        (
            "a coordinator's review queue",
            HourQuery {
                status: Some(HourStatus::Pending),
                school_id: Some(school),
                ..Default::default()
            },
            Scope::Schools(vec![school]),
        ),
    ];
    for (what, q, scope) in cases {
        let stmt = hours::list_query(&q, &scope, 50, None)
            .unwrap()
            .build(backend);
        assert_indexed(what, "hour_entries", &plan(&app, stmt).await);
    }
}
